#include "qml/app/filter_options.h"

#include <QCoreApplication>

#include "core/store/project_query.h"
#include "qml/app/log_categories.h"

namespace duban::app {

QVariantList filterMenu(const std::vector<FilterChoice>& choices, const QString& any) {
    QVariantList list{QVariantMap{{"value", QString()}, {"label", any}}};
    for (const FilterChoice& c : choices) {
        list.append(QVariantMap{{"value", QString::fromStdString(c.value)},
                                {"label", QString::fromStdString(c.label)}});
    }
    return list;
}

void FilterOptionsModel::setStore(StoreExecutor* store) {
    if (!followStore(m_store, store, this, &FilterOptionsModel::reload))
        return;
    emit storeChanged();
    reload();
}

void FilterOptionsModel::reload() {
    if (!m_store)
        return;
    m_store->run(
        this,
        [](LocalStore& store) {
            try {
                return loadFilterOptions(store.database());
            } catch (const DatabaseError& e) {
                // The menus offer "all" only; the list itself says the store failed.
                logReadFailed("the filter menus", e);
                return FilterOptions{};
            }
        },
        [this](const FilterOptions& options) {
            m_categories =
                filterMenu(options.categories, QCoreApplication::translate("Duban", "全部类别"));
            m_stages = filterMenu(options.stages, QCoreApplication::translate("Duban", "全部阶段"));
            m_lists = filterMenu(options.lists, QCoreApplication::translate("Duban", "全部清单"));
            m_units =
                filterMenu(options.units, QCoreApplication::translate("Duban", "全部责任单位"));
            m_townships =
                filterMenu(options.townships, QCoreApplication::translate("Duban", "全部乡镇"));
            emit loaded();
        });
}

}  // namespace duban::app
