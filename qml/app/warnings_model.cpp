#include "qml/app/warnings_model.h"

#include <QCoreApplication>

#include "qml/app/exports.h"
#include "qml/app/field_errors.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"

namespace duban::app {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

struct Page {
    std::vector<WarningRow> rows;
    int total = 0;
    int toAcknowledge = 0;
    QString error;  // why the letters could not be read
};

}  // namespace

WarningsModel::WarningsModel(QObject* parent) : QAbstractListModel(parent) {
    connect(this, &QAbstractItemModel::modelReset, this, &WarningsModel::countsChanged);
    connect(this, &QAbstractItemModel::rowsInserted, this, &WarningsModel::countsChanged);
}

int WarningsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_page.size();
}

QVariant WarningsModel::value(const Row& row, int role) const {
    const WarningRow& w = row.warning;
    switch (role) {
        case IdRole:
            return text(w.id);
        case NumberRole:
            // Until the server has numbered the letter (docs/decisions.md D24).
            return w.number.empty() ? QCoreApplication::translate("Duban", "文号待同步后生成")
                                    : text(w.number);
        case LevelRole:
            return w.level;
        case LetterRole:
            return letterNameText(w.level);
        case ProjectRole:
            return text(w.projectName);
        case MilestoneRole:
            return text(w.milestoneTitle);
        case MilestoneDueRole:
            return text(w.milestoneDue);
        case ReasonRole:
            return text(w.reason);
        case CorrectByRole:
            return text(w.correctBy);
        case IssuedAtRole:
            return instantText(w.issuedAt);
        case AcknowledgedAtRole:
            return w.acknowledgedAt ? instantText(*w.acknowledgedAt) : QString();
        case CanAcknowledgeRole:
            return row.canAcknowledge;
        default:
            return {};
    }
}

QVariant WarningsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return value(m_page.at(index.row()), role);
}

QHash<int, QByteArray> WarningsModel::roleNames() const {
    return {{IdRole, "warningId"},
            {NumberRole, "number"},
            {LevelRole, "level"},
            {LetterRole, "letter"},
            {ProjectRole, "project"},
            {MilestoneRole, "milestone"},
            {MilestoneDueRole, "milestoneDue"},
            {ReasonRole, "reason"},
            {CorrectByRole, "correctBy"},
            {IssuedAtRole, "issuedAt"},
            {AcknowledgedAtRole, "acknowledgedAt"},
            {CanAcknowledgeRole, "canAcknowledge"}};
}

QVariantMap WarningsModel::letter(const QString& warningId) const {
    QVariantMap map;
    for (const Row& row : m_page.rows()) {
        if (text(row.warning.id) != warningId)
            continue;
        const auto names = roleNames();
        for (auto it = names.begin(); it != names.end(); ++it)
            map.insert(QString::fromUtf8(it.value()), value(row, it.key()));
    }
    return map;
}

std::vector<WarningsModel::Row> WarningsModel::withPermissions(const LocalStore& store,
                                                               const Actor& actor,
                                                               std::vector<WarningRow> rows) {
    // A page at most: what core allows on each letter shown.
    std::vector<Row> out;
    out.reserve(rows.size());
    for (WarningRow& w : rows) {
        const bool may =
            store.permissions(actor, Entity::warning, w.id).may(Transition::acknowledge);
        out.push_back(Row{std::move(w), may});
    }
    return out;
}

bool WarningsModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_services && m_services->store() && m_page.hasMore();
}

void WarningsModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_page.fetchMore(
        this, *m_services->store(),
        [filter = filter(), actor = m_services->actor()](LocalStore& store, int offset, int limit) {
            return withPermissions(store, actor,
                                   listWarnings(store.database(), filter, limit, offset));
        },
        [this](const QString& error) {
            if (error.isEmpty())
                return;
            m_readError = error;
            emit countsChanged();
        });
}

void WarningsModel::setServices(Services* services) {
    if (services == m_services)
        return;
    m_services = services;
    if (m_services && m_services->store())
        connect(m_services->store(), &StoreExecutor::changed, this, &WarningsModel::reload);
    emit servicesChanged();
    reload();
}

void WarningsModel::setOpenOnly(bool openOnly) {
    if (openOnly == m_openOnly)
        return;
    m_openOnly = openOnly;
    emit filterChanged();
    reload();
}

void WarningsModel::setProjectId(const QString& projectId) {
    if (projectId == m_projectId)
        return;
    m_projectId = projectId;
    emit filterChanged();
    reload();
}

void WarningsModel::setWarningId(const QString& warningId) {
    if (warningId == m_warningId)
        return;
    m_warningId = warningId;
    emit filterChanged();
    reload();
}

WarningFilter WarningsModel::filter() const {
    WarningFilter f = m_services ? warningsFor(m_services->actor(), m_openOnly) : WarningFilter{};
    if (!m_projectId.isEmpty())
        f.projectId = m_projectId.toStdString();
    if (!m_warningId.isEmpty())
        f.warningId = m_warningId.toStdString();
    return f;
}

void WarningsModel::reload() {
    const quint64 generation = m_page.startReload();
    if (!m_services || !m_services->store())
        return;
    const int shown = m_page.reloadSize();
    m_services->store()->run(
        this,
        [shown, filter = filter(), actor = m_services->actor()](LocalStore& store) {
            std::pair<Page, std::vector<Row>> result;
            try {
                result.first.total = countWarnings(store.database(), filter);
                // Letters waiting for the user: open ones to their unit, for those who answer.
                if (authorsRecords(actor)) {
                    WarningFilter open = warningsFor(actor, true);
                    open.projectId = filter.projectId;
                    result.first.toAcknowledge = countWarnings(store.database(), open);
                }
                result.second =
                    withPermissions(store, actor, listWarnings(store.database(), filter, shown, 0));
            } catch (const DatabaseError& e) {
                result = {Page{{}, 0, 0, storeReadFailed("the warning letters", e)}, {}};
            }
            return result;
        },
        [this, generation](std::pair<Page, std::vector<Row>> result) {
            if (m_page.isStale(generation))
                return;
            beginResetModel();
            m_page.replace(std::move(result.second), result.first.total);
            m_toAcknowledge = result.first.toAcknowledge;
            m_readError = result.first.error;
            endResetModel();
        });
}

void WarningsModel::acknowledge(const QString& warningId) {
    if (!m_services || !m_services->store())
        return;
    m_services->store()->run(
        this,
        [id = warningId.toStdString(), actor = m_services->actor()](LocalStore& store) {
            const Status done =
                store.transition(actor, Entity::warning, id, Transition::acknowledge);
            return done ? QString() : errorText(done.error());
        },
        [this, warningId](const QString& problem) {
            m_message = problem;
            m_services->store()->notifyChanged();
            if (problem.isEmpty()) {
                if (m_services->sync())
                    m_services->sync()->noteLocalChange();
                emit acknowledged(warningId);
            }
            emit countsChanged();
        });
}

void WarningsModel::exportPdf(const QString& warningId) {
    if (!m_services || !m_services->store())
        return;
    m_services->store()->run(
        this,
        [id = warningId.toStdString(), folder = exportFolder(m_services->dataFolder())](
            LocalStore& store) { return exportLetter(store.database(), id, folder); },
        [this](const ExportedFile& done) {
            m_exported = done.file;
            m_message = done.problem;
            emit exportedChanged();
            emit countsChanged();
        });
}

}  // namespace duban::app
