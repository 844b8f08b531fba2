#pragma once
// A list model whose rows are Q_GADGET structs: the gadget's properties are the model's roles
// (Qt::UserRole + 1 on, in declaration order, named as the properties), so a row's fields are
// declared once — as typed C++ members — and reach a delegate's `required property`s and a
// `get(row)` (the gadget itself, a QML value type) alike.
#include <QByteArray>
#include <QHash>
#include <QMetaProperty>
#include <QVariant>

namespace duban::app {

template <class Gadget>
[[nodiscard]] QHash<int, QByteArray> gadgetRoleNames() {
    const QMetaObject& meta = Gadget::staticMetaObject;
    QHash<int, QByteArray> names;
    for (int i = meta.propertyOffset(); i < meta.propertyCount(); ++i)
        names.insert(Qt::UserRole + 1 + i - meta.propertyOffset(), meta.property(i).name());
    return names;
}

template <class Gadget>
[[nodiscard]] QVariant gadgetRole(const Gadget& row, int role) {
    const QMetaObject& meta = Gadget::staticMetaObject;
    const int index = role - Qt::UserRole - 1 + meta.propertyOffset();
    if (index < meta.propertyOffset() || index >= meta.propertyCount())
        return {};
    return meta.property(index).readOnGadget(&row);
}

}  // namespace duban::app
