#include "qml/app/dispatch_board.h"

#include <QCoreApplication>

#include "qml/app/dispatch_charts.h"
#include "qml/app/dispatch_text.h"
#include "qml/app/exports.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"

namespace duban::app {
namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

struct DispatchBoard::Loaded {
    DispatchMonth month;
    std::vector<DispatchGroup> groups;
    std::vector<DispatchGroup> byCategory;
    std::vector<DispatchGroup> byUnit;
    DispatchTotals total;
    QString error;  // why the month could not be read
};

DispatchBoard::DispatchBoard(QObject* parent) : QAbstractListModel(parent) {}

int DispatchBoard::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant DispatchBoard::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Entry& entry = m_entries[static_cast<std::size_t>(index.row())];
    if (entry.group) {
        const DispatchGroup& g = m_groups[entry.index];
        const DispatchFigures t = figuresOf(g.totals);
        switch (role) {
            case EntryRole:
                return QStringLiteral("group");
            case LabelRole:
                return text(g.label);
            case TotalRole:
                return t.total;
            case PlanRole:
                return t.plan;
            case CompletedRole:
                return t.completed;
            case MonthRole:
                return t.month;
            case RateRole:
                return t.rate;
            case RateValueRole:
                return g.totals.completionPercent.value_or(-1.0);
            case OverdueRole:
                return g.totals.milestonesOverdue;
            case DueRole:
                return g.totals.milestonesDueInMonth;
            case CountsRole:
                return countsText(g.totals);
            case TargetCountsRole:
                return t.targetCounts;
            default:
                return QVariant(QString());
        }
    }
    const DispatchRow& r = m_month.rows[entry.index];
    switch (role) {
        case EntryRole:
            return QStringLiteral("project");
        case LabelRole:
            return text(r.name);
        case ProjectIdRole:
            return text(r.projectId);
        case YearsRole:
            return yearsText(r.startYear, r.endYear);
        case StageRole:
            return text(r.stage);
        case TotalRole:
            return wanNumber(r.totalInvestment);
        case PlanRole:
            return wanNumber(r.planInvestment);
        case CompletedRole:
            return wanNumber(r.completedThroughMonth);
        case MonthRole:
            return wanNumber(r.completedInMonth);
        case RateRole:
            return rateText(r.completionPercent);
        case RateValueRole:
            return r.completionPercent.value_or(-1.0);
        case StatusRole:
            return text(std::string(toString(r.reportStatus)));
        case StatusTextRole:
            return statusText(r.reportStatus);
        case ProgressRole:
            return text(r.progress);
        case ProblemsRole:
            return text(r.problems);
        case UnitsRole:
            return text(r.unitNames);
        case DueRole:
            return r.milestonesDueInMonth;
        case OverdueRole:
            return r.milestonesOverdue;
        case NextMilestoneRole:
            return text(r.nextMilestone);
        case WarningRole:
            return r.warningLevel;
        default:
            break;
    }
    if (r.kind != ProjectKind::work_task)
        return role == ReportedPercentRole ? QVariant(-1) : QVariant(QString());
    switch (role) {
        case TargetRole:
            return targetText(r);
        case TargetDetailRole:
            return targetDetail(r);
        case YearTargetRole:
            return yearTargetText(r);
        case ReportedRole:
            return reportedText(r);
        case ReportedPercentRole:
            return r.reportedPercent.value_or(-1);
        case TargetStatusRole:
            return text(std::string(toString(r.targetStatus)));
        case TargetStatusTextRole:
            return targetStatusText(r.targetStatus);
        default:
            return QVariant(QString());
    }
}

QHash<int, QByteArray> DispatchBoard::roleNames() const {
    return {{EntryRole, "entry"},
            {LabelRole, "label"},
            {ProjectIdRole, "projectId"},
            {YearsRole, "years"},
            {StageRole, "stage"},
            {TotalRole, "total"},
            {PlanRole, "plan"},
            {CompletedRole, "completed"},
            {MonthRole, "month"},
            {RateRole, "rate"},
            {RateValueRole, "rateValue"},
            {StatusRole, "status"},
            {StatusTextRole, "statusText"},
            {ProgressRole, "progress"},
            {ProblemsRole, "problems"},
            {UnitsRole, "units"},
            {DueRole, "due"},
            {OverdueRole, "overdue"},
            {NextMilestoneRole, "nextMilestone"},
            {WarningRole, "warningLevel"},
            {CountsRole, "counts"},
            {TargetRole, "target"},
            {TargetDetailRole, "targetDetail"},
            {YearTargetRole, "yearTarget"},
            {ReportedRole, "reported"},
            {ReportedPercentRole, "reportedPercent"},
            {TargetStatusRole, "targetStatus"},
            {TargetStatusTextRole, "targetStatusText"},
            {TargetCountsRole, "targetCounts"}};
}

void DispatchBoard::setServices(Services* services) {
    if (!followServices(m_services, services, this, &DispatchBoard::reload))
        return;
    if (m_services && m_period.isEmpty()) {
        m_period = text(periodOf(m_services->today()).toString());
        emit settingsChanged();
    }
    emit servicesChanged();
    reload();
}

void DispatchBoard::setSetting(QString& field, const QString& value) {
    if (field == value)
        return;
    field = value;
    emit settingsChanged();
    reload();
}

void DispatchBoard::setPeriod(const QString& period) {
    setSetting(m_period, period.trimmed());
}

void DispatchBoard::setToday(const QString& today) {
    setSetting(m_today, today.trimmed());
}

void DispatchBoard::setGrouping(const QString& grouping) {
    setSetting(m_grouping, grouping);
}

void DispatchBoard::setKind(const QString& kind) {
    setSetting(m_kind, kind);
}

void DispatchBoard::setListCode(const QString& listCode) {
    setSetting(m_listCode, listCode);
}

void DispatchBoard::previousMonth() {
    if (const auto p = parsePeriod(m_period.toStdString()))
        setPeriod(text(p->previous().toString()));
}

void DispatchBoard::nextMonth() {
    if (const auto p = parsePeriod(m_period.toStdString())) {
        const Period next = p->month == 12 ? Period{p->year + 1, 1} : Period{p->year, p->month + 1};
        setPeriod(text(next.toString()));
    }
}

void DispatchBoard::reload() {
    const quint64 generation = ++m_generation;
    const auto period = parsePeriod(m_period.toStdString());
    if (!m_services || !m_services->store()) {
        emit loaded();
        return;
    }
    const auto today =
        m_today.isEmpty() ? std::optional(m_services->today()) : parseDate(m_today.toStdString());
    m_periodError = period && today ? QString()
                                    : QCoreApplication::translate(
                                          "Duban", "月份格式应为 2022-06，日期格式应为 2022-06-30");
    if (!period || !today) {
        emit loaded();
        return;
    }
    const DispatchGrouping grouping = m_grouping == QLatin1String("unit") ? DispatchGrouping::unit
                                      : m_grouping == QLatin1String("township")
                                          ? DispatchGrouping::township
                                          : DispatchGrouping::category;
    m_loading = true;
    emit loaded();
    m_services->store()->run(
        this,
        [period = *period, today = *today, filter = filter(), grouping](LocalStore& store) {
            Loaded out;
            try {
                out.month = loadDispatchMonth(store.database(), period, today, filter);
            } catch (const DatabaseError& e) {
                out.error = storeReadFailed("the dispatch month", e);
                return out;
            }
            out.groups = groupDispatch(out.month, grouping);
            out.byCategory = groupDispatch(out.month, DispatchGrouping::category);
            out.byUnit = groupDispatch(out.month, DispatchGrouping::unit);
            out.total = grandTotal(out.month);
            return out;
        },
        [this, generation](Loaded month) {
            if (generation == m_generation)
                show(std::move(month));
        });
}

ProjectFilter DispatchBoard::filter() const {
    ProjectFilter f;
    f.kind = m_kind == QLatin1String("work_task") ? ProjectKind::work_task
                                                  : ProjectKind::investment_project;
    if (!m_listCode.isEmpty())
        f.listCode = m_listCode.toStdString();
    return f;
}

void DispatchBoard::exportXlsx() {
    exportMonth(false);
}

void DispatchBoard::exportPdf() {
    exportMonth(true);
}

void DispatchBoard::exportMonth(bool pdf) {
    // What is shown is what is written: the month the board holds, not a second read of it.
    if (!m_services || !m_services->store() || m_loading || !periodError().isEmpty())
        return;
    m_services->store()->run(
        this,
        [month = m_month, filter = filter(), folder = exportFolder(m_services->dataFolder()),
         pdf](LocalStore& store) {
            return duban::app::exportMonth(store.database(), month, filter, folder, pdf);
        },
        [this](const ExportedFile& done) {
            m_exported = done.file;
            m_exportError = done.problem;
            emit exportedChanged();
        });
}

void DispatchBoard::show(Loaded month) {
    beginResetModel();
    m_month = std::move(month.month);
    m_groups = std::move(month.groups);
    m_entries.clear();
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        m_entries.push_back({true, g});
        for (const std::size_t row : m_groups[g].rows)
            m_entries.push_back({false, row});
    }
    endResetModel();
    m_totals = figuresOf(month.total);
    m_byCategory = chartOf(month.byCategory);
    m_byUnit = chartOf(month.byUnit);
    m_loading = false;
    m_loadError = month.error;
    emit loaded();
}

}  // namespace duban::app
