#pragma once
// The project list's filter menus: categories, stages, lists, units and townships as they occur
// on this device, read on the store's thread and again after each sync.
#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QVariantList>

#include <vector>

#include "core/store/project_query.h"
#include "qml/app/store_executor.h"

namespace duban::app {

// A menu for a FilterBox: "any" (value "") first, then the choices.
[[nodiscard]] QVariantList filterMenu(const std::vector<FilterChoice>& choices, const QString& any);

// Not `final`: QML creates it (Qt 6.4 derives QQmlElement<T> from it).
class FilterOptionsModel : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(FilterOptions)
    Q_PROPERTY(duban::app::StoreExecutor* store READ store WRITE setStore NOTIFY storeChanged FINAL)
    // Each a list of {value, label}, the first being "any" (value "").
    Q_PROPERTY(QVariantList categories READ categories NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList stages READ stages NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList lists READ lists NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList units READ units NOTIFY loaded FINAL)
    Q_PROPERTY(QVariantList townships READ townships NOTIFY loaded FINAL)

public:
    explicit FilterOptionsModel(QObject* parent = nullptr) : QObject(parent) {}

    [[nodiscard]] StoreExecutor* store() const { return m_store; }
    void setStore(StoreExecutor* store);
    [[nodiscard]] QVariantList categories() const { return m_categories; }
    [[nodiscard]] QVariantList stages() const { return m_stages; }
    [[nodiscard]] QVariantList lists() const { return m_lists; }
    [[nodiscard]] QVariantList units() const { return m_units; }
    [[nodiscard]] QVariantList townships() const { return m_townships; }

signals:
    void storeChanged();
    void loaded();

private:
    void reload();

    QPointer<StoreExecutor> m_store;
    QVariantList m_categories;
    QVariantList m_stages;
    QVariantList m_lists;
    QVariantList m_units;
    QVariantList m_townships;
};

}  // namespace duban::app
