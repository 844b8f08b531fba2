#include "qml/app/dispatch_board.h"

#include <QCoreApplication>
#include <QStringList>

#include <filesystem>

#include "core/domain/money.h"
#include "core/export/month_xlsx.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"
#include "qml/app/month_pdf.h"

namespace duban::app {
namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString wanNumber(std::optional<Yuan> amount) {
    return amount ? text(formatWanNumber(*amount)) : QStringLiteral("—");
}

double wan(Yuan amount) {
    return static_cast<double>(amount) / 10'000.0;
}

// A work task's target counts in words; none for a board of projects.
QString targetCountsText(const DispatchTotals& t) {
    if (t.tasks == 0)
        return {};
    return QCoreApplication::translate(
               "Duban", "目标：已完成 %1 · 进行中 %2 · 滞后 %3 · 未开始 %4 · 无目标 %5")
        .arg(t.targetsAchieved)
        .arg(t.targetsOnTrack)
        .arg(t.targetsBehind)
        .arg(t.targetsNotStarted)
        .arg(t.targetsNone);
}

QVariantMap totalsMap(const DispatchTotals& t) {
    return {{"projects", t.projects},
            {"total", wanNumber(t.totalInvestment)},
            {"plan", wanNumber(t.planInvestment)},
            {"completed", wanNumber(t.completedThroughMonth)},
            {"month", wanNumber(t.completedInMonth)},
            {"rate", rateText(t.completionPercent)},
            {"onTime", t.onTime},
            {"late", t.late},
            {"returned", t.returned},
            {"missing", t.missing},
            {"notYetDue", t.notYetDue},
            {"due", t.milestonesDueInMonth},
            {"overdue", t.milestonesOverdue},
            {"warned", t.warned},
            {"tasks", t.tasks},
            {"targetsAchieved", t.targetsAchieved},
            {"targetsOnTrack", t.targetsOnTrack},
            {"targetsBehind", t.targetsBehind},
            {"targetsNotStarted", t.targetsNotStarted},
            {"targetsNone", t.targetsNone},
            {"targetCounts", targetCountsText(t)}};
}

QVariantList chartOf(const std::vector<DispatchGroup>& groups) {
    QVariantList bars;
    for (const DispatchGroup& g : groups) {
        bars.append(QVariantMap{{"label", text(g.label)},
                                {"plan", wan(g.totals.planInvestment)},
                                {"completed", wan(g.totals.completedThroughMonth)},
                                {"rate", g.totals.completionPercent.value_or(-1.0)},
                                {"rateText", rateText(g.totals.completionPercent)}});
    }
    return bars;
}

QString countsText(const DispatchTotals& t) {
    return QCoreApplication::translate("Duban", "%1 个 · 按时 %2 · 逾期 %3 · 退回 %4 · 未报送 %5")
        .arg(t.projects)
        .arg(t.onTime)
        .arg(t.late)
        .arg(t.returned)
        .arg(t.missing);
}

QString statusText(MonthReportStatus status) {
    switch (status) {
        case MonthReportStatus::on_time:
            return QCoreApplication::translate("Duban", "按时报送");
        case MonthReportStatus::late:
            return QCoreApplication::translate("Duban", "逾期报送");
        case MonthReportStatus::returned:
            return QCoreApplication::translate("Duban", "被退回");
        case MonthReportStatus::missing:
            return QCoreApplication::translate("Duban", "未报送");
        case MonthReportStatus::not_yet_due:
            return QCoreApplication::translate("Duban", "未到期");
    }
    return {};
}

QString targetStatusText(TargetStatus status) {
    switch (status) {
        case TargetStatus::achieved:
            return QCoreApplication::translate("Duban", "已完成");
        case TargetStatus::on_track:
            return QCoreApplication::translate("Duban", "进行中");
        case TargetStatus::behind:
            return QCoreApplication::translate("Duban", "滞后");
        case TargetStatus::not_started:
            return QCoreApplication::translate("Duban", "未开始");
        case TargetStatus::no_target:
            return QCoreApplication::translate("Duban", "无目标");
    }
    return {};
}

// A target's figure with its unit: "2家", "80%", "1.5"; empty when it has none.
QString figureText(const DispatchTarget& target) {
    return target.value ? QString::number(*target.value, 'g', 12) + text(target.unit) : QString();
}

QString targetDetail(const DispatchRow& r) {
    if (!r.currentTarget)
        return {};
    QStringList parts;
    if (const QString figure = figureText(*r.currentTarget); !figure.isEmpty())
        parts << QCoreApplication::translate("Duban", "目标值 %1").arg(figure);
    parts << QCoreApplication::translate("Duban", "%1 到期")
                 .arg(text(formatDate(r.currentTarget->due)));
    if (r.currentTargets > 1)
        parts << QCoreApplication::translate("Duban", "本期共 %1 项").arg(r.currentTargets);
    return parts.join(QStringLiteral(" · "));
}

QString yearTargetText(const DispatchRow& r) {
    if (!r.yearTarget)
        return QCoreApplication::translate("Duban", "无");
    const QString figure = figureText(*r.yearTarget);
    return text(r.yearTarget->title) +
           (figure.isEmpty() ? QString()
                             : QCoreApplication::translate("Duban", "（目标值 %1）").arg(figure));
}

QString reportedText(const DispatchRow& r) {
    if (r.reportedPeriod.empty())
        return QCoreApplication::translate("Duban", "未报进度");
    QStringList parts;
    if (r.reportedPercent)
        parts << QString::number(*r.reportedPercent) + QLatin1Char('%');
    parts << text(r.reportedPeriod);
    if (!r.reportedProgress.empty())
        parts << text(r.reportedProgress);
    return parts.join(QStringLiteral(" · "));
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
        const QVariantMap t = totalsMap(g.totals);
        switch (role) {
            case EntryRole:
                return QStringLiteral("group");
            case LabelRole:
                return text(g.label);
            case TotalRole:
                return t["total"];
            case PlanRole:
                return t["plan"];
            case CompletedRole:
                return t["completed"];
            case MonthRole:
                return t["month"];
            case RateRole:
                return t["rate"];
            case RateValueRole:
                return g.totals.completionPercent.value_or(-1.0);
            case OverdueRole:
                return g.totals.milestonesOverdue;
            case DueRole:
                return g.totals.milestonesDueInMonth;
            case CountsRole:
                return countsText(g.totals);
            case TargetCountsRole:
                return t["targetCounts"];
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
            return r.currentTarget ? text(r.currentTarget->title)
                                   : QCoreApplication::translate("Duban", "无");
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
    if (services == m_services)
        return;
    m_services = services;
    if (m_services && m_services->store())
        connect(m_services->store(), &StoreExecutor::changed, this, &DispatchBoard::reload);
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
    const std::filesystem::path folder =
        std::filesystem::path(m_services->dataFolder().toStdString()) / "exports";
    // Written on the store's thread (the title reads the list's name; QTextDocument and
    // QPdfWriter are not tied to the GUI thread), so the board never waits for it.
    m_services->store()->run(
        this,
        [month = m_month, filter = filter(), folder, pdf](LocalStore& store) {
            std::pair<QString, QString> done;  // file, problem
            try {
                const std::string title = monthTitle(store.database(), month.period, filter);
                const auto file =
                    folder / ("月调度-" + month.period.toString() + (pdf ? ".pdf" : ".xlsx"));
                std::error_code ignored;
                std::filesystem::create_directories(folder, ignored);
                const Status written =
                    pdf ? writeMonthPdf(month, title, file) : writeMonthXlsx(month, title, file);
                done = written ? std::pair(text(file.string()), QString())
                               : std::pair(QString(), text(written.error().message));
            } catch (const DatabaseError& e) {
                qCWarning(lcExport, "exporting the month %s failed: %s",
                          month.period.toString().c_str(), e.what());
                done.second = QString::fromUtf8(e.what());
            }
            return done;
        },
        [this](const std::pair<QString, QString>& done) {
            m_exported = done.first;
            m_exportError = done.second;
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
    m_totals = totalsMap(month.total);
    m_byCategory = chartOf(month.byCategory);
    m_byUnit = chartOf(month.byUnit);
    m_loading = false;
    m_loadError = month.error;
    emit loaded();
}

}  // namespace duban::app
