#include "qml/app/inbox_model.h"

#include <QCoreApplication>

#include "qml/app/field_errors.h"
#include "qml/app/format.h"
#include "qml/app/log_categories.h"

namespace duban::app {

int InboxModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant InboxModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const InboxItem& item = m_items[static_cast<std::size_t>(index.row())];
    switch (role) {
        case IdRole:
            return QString::fromStdString(item.id);
        case KindRole:
            return QString::fromStdString(item.kind);
        case EntityRole:
            return QString::fromStdString(item.entity);
        case TextRole:
            // The server's reason, in the user's words where the code is known.
            return item.kind == "conflict" ? QCoreApplication::translate(
                                                 "Duban", "这项内容已被另一台设备的后续修改覆盖")
                                           : errorText(Error{item.code, item.message});
        case TypedRole:
            return QString::fromStdString(item.typedFields().dump());
        case AtRole:
            return instantText(item.createdAt);
        default:
            return {};
    }
}

QHash<int, QByteArray> InboxModel::roleNames() const {
    return {{IdRole, "itemId"}, {KindRole, "kind"},   {EntityRole, "entity"},
            {TextRole, "text"}, {TypedRole, "typed"}, {AtRole, "at"}};
}

void InboxModel::setServices(Services* services) {
    if (!followServices(m_services, services, this, &InboxModel::reload))
        return;
    emit servicesChanged();
    reload();
}

void InboxModel::reload() {
    if (!m_services || !m_services->store())
        return;
    m_services->store()->run(
        this,
        [](LocalStore& store) {
            std::pair<std::vector<InboxItem>, QString> read;
            try {
                read.first = readInbox(store.database(), InboxFilter::open, kShown);
            } catch (const DatabaseError& e) {
                read.second = storeReadFailed("the inbox", e);
            }
            return read;
        },
        [this](std::pair<std::vector<InboxItem>, QString> read) {
            beginResetModel();
            m_items = std::move(read.first);
            endResetModel();
            m_readError = read.second;
            emit changed();
        });
}

void InboxModel::resolve(const QString& itemId, InboxAction action) {
    if (!m_services || !m_services->store())
        return;
    m_services->store()->run(
        this,
        [id = itemId.toStdString(), action, actor = m_services->actor()](LocalStore& store) {
            const Status done = store.resolveInbox(actor, id, action);
            return done ? QString() : errorText(done.error());
        },
        [this](const QString& problem) {
            m_message = problem;
            m_services->store()->notifyChanged();
            if (problem.isEmpty() && m_services->sync())
                m_services->sync()->noteLocalChange();
            emit changed();
        });
}

}  // namespace duban::app
