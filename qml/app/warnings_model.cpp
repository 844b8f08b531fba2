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

QVariant WarningsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    return gadgetRole(m_page.at(index.row()), role);
}

QHash<int, QByteArray> WarningsModel::roleNames() const {
    return gadgetRoleNames<WarningLetter>();
}

WarningLetter WarningsModel::letter(const QString& warningId) const {
    for (const WarningLetter& row : m_page.rows()) {
        if (row.warningId == warningId)
            return row;
    }
    return {};
}

std::vector<WarningLetter> WarningsModel::lettersOf(const LocalStore& store, const Actor& actor,
                                                    std::vector<WarningRow> rows) {
    // A page at most: what core allows on each letter shown.
    std::vector<WarningLetter> out;
    out.reserve(rows.size());
    for (const WarningRow& w : rows) {
        WarningLetter l;
        l.warningId = text(w.id);
        // Until the server has numbered the letter (docs/decisions.md D24).
        l.number = w.number.empty() ? QCoreApplication::translate("Duban", "文号待同步后生成")
                                    : text(w.number);
        l.level = w.level;
        l.letter = letterNameText(w.level);
        l.project = text(w.projectName);
        l.milestone = text(w.milestoneTitle);
        l.milestoneDue = text(w.milestoneDue);
        l.reason = text(w.reason);
        l.correctBy = text(w.correctBy);
        l.issuedAt = instantText(w.issuedAt);
        l.acknowledgedAt = w.acknowledgedAt ? instantText(*w.acknowledgedAt) : QString();
        l.canAcknowledge =
            store.permissions(actor, Entity::warning, w.id).may(Transition::acknowledge);
        out.push_back(std::move(l));
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
            return lettersOf(store, actor, listWarnings(store.database(), filter, limit, offset));
        },
        [this](const QString& error) {
            if (error.isEmpty())
                return;
            m_readError = error;
            emit countsChanged();
        });
}

void WarningsModel::setServices(Services* services) {
    if (!followServices(m_services, services, this, &WarningsModel::reload))
        return;
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
            std::pair<Page, std::vector<WarningLetter>> result;
            try {
                result.first.total = countWarnings(store.database(), filter);
                // Letters waiting for the user: open ones to their unit, for those who answer.
                if (authorsRecords(actor)) {
                    WarningFilter open = warningsFor(actor, true);
                    open.projectId = filter.projectId;
                    result.first.toAcknowledge = countWarnings(store.database(), open);
                }
                result.second =
                    lettersOf(store, actor, listWarnings(store.database(), filter, shown, 0));
            } catch (const DatabaseError& e) {
                result = {Page{{}, 0, 0, storeReadFailed("the warning letters", e)}, {}};
            }
            return result;
        },
        [this, generation](std::pair<Page, std::vector<WarningLetter>> result) {
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
