#include "qml/app/warning_proposals_model.h"

#include "core/rules/letter_defaults.h"
#include "qml/app/field_errors.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"

namespace duban::app {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

}  // namespace

int WarningProposalsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant WarningProposalsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const WarningProposal& p = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
        case ProjectRole:
            return text(p.projectName);
        case ProjectCodeRole:
            return text(p.projectCode);
        case LevelRole:
            return p.finding.level;
        case LetterRole:
            return letterNameText(p.finding.level);
        case ReasonRole:
            return text(p.reason);
        default:
            return {};
    }
}

QHash<int, QByteArray> WarningProposalsModel::roleNames() const {
    return {{ProjectRole, "project"},
            {ProjectCodeRole, "projectCode"},
            {LevelRole, "level"},
            {LetterRole, "letter"},
            {ReasonRole, "reason"}};
}

void WarningProposalsModel::setServices(Services* services) {
    if (!followServices(m_services, services, this, &WarningProposalsModel::reload))
        return;
    emit servicesChanged();
    reload();
}

QString WarningProposalsModel::suggestedDeadline() const {
    return m_services ? text(formatDate(defaultCorrectBy(m_services->today()))) : QString();
}

void WarningProposalsModel::reload() {
    if (!m_services || !m_services->store() || !reviewsRecords(m_services->actor()))
        return;
    m_services->store()->run(
        this,
        [today = m_services->today()](LocalStore& store) {
            std::pair<std::vector<WarningProposal>, QString> read;
            try {
                read.first = listWarningProposals(
                    store.database(),
                    ProposalOptions{today, defaultFirstReportPeriod(today).toString(), {}});
            } catch (const DatabaseError& e) {
                read.second = storeReadFailed("the warning proposals", e);
            }
            return read;
        },
        [this](std::pair<std::vector<WarningProposal>, QString> read) {
            beginResetModel();
            m_rows = std::move(read.first);
            endResetModel();
            m_readError = read.second;
            emit changed();
        });
}

void WarningProposalsModel::issue(int row, const QString& correctBy) {
    if (!m_services || !m_services->store() || row < 0 || row >= rowCount())
        return;
    m_services->store()->run(
        this,
        [proposal = m_rows[static_cast<std::size_t>(row)], correctBy = correctBy.toStdString(),
         actor = m_services->actor()](LocalStore& store) {
            const auto done = store.issueWarning(actor, proposal, correctBy);
            return done ? QString() : errorText(done.error());
        },
        [this](const QString& problem) {
            m_message = problem;
            if (problem.isEmpty()) {
                m_services->store()->notifyChanged();
                if (m_services->sync())
                    m_services->sync()->noteLocalChange();
                emit issued();
            }
            emit changed();
        });
}

}  // namespace duban::app
