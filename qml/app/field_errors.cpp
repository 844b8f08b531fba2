#include "qml/app/field_errors.h"

#include <QCoreApplication>

namespace duban::app {
namespace {

QString fieldName(const std::string& field) {
    if (field == "period")
        return QCoreApplication::translate("Duban", "填报月份");
    if (field == "investment")
        return QCoreApplication::translate("Duban", "本月完成投资");
    if (field == "percent_complete")
        return QCoreApplication::translate("Duban", "形象进度");
    if (field == "narrative")
        return QCoreApplication::translate("Duban", "进展情况");
    if (field == "problems")
        return QCoreApplication::translate("Duban", "存在问题");
    if (field == "coordination")
        return QCoreApplication::translate("Duban", "需协调解决事项");
    if (field == "visited_at")
        return QCoreApplication::translate("Duban", "走访时间");
    if (field == "notes")
        return QCoreApplication::translate("Duban", "走访记录");
    if (field == "people_met")
        return QCoreApplication::translate("Duban", "见面人员");
    if (field.starts_with("position"))
        return QCoreApplication::translate("Duban", "位置");
    if (field == "caption")
        return QCoreApplication::translate("Duban", "照片说明");
    if (field == "milestone_id")
        return QCoreApplication::translate("Duban", "节点目标");
    return QString::fromStdString(field);
}

}  // namespace

QString fieldErrorText(const FieldError& e) {
    const QString name = fieldName(e.field);
    if (e.code == "required")
        return QCoreApplication::translate("Duban", "请填写%1").arg(name);
    if (e.code == "invalid_format")
        return QCoreApplication::translate("Duban", "%1格式不正确").arg(name);
    if (e.code == "out_of_range") {
        // A position's bounds are the globe's (core/rules/validation: validatePosition).
        if (e.field.ends_with(".lat"))
            return QCoreApplication::translate("Duban", "纬度超出允许范围：应在 -90 到 90 之间");
        if (e.field.ends_with(".lon"))
            return QCoreApplication::translate("Duban", "经度超出允许范围：应在 -180 到 180 之间");
        if (e.field.ends_with(".accuracy"))
            return QCoreApplication::translate("Duban",
                                               "定位精度超出允许范围：应为 0 或更大的米数");
        return QCoreApplication::translate("Duban", "%1超出允许范围").arg(name);
    }
    if (e.code == "too_long")
        return QCoreApplication::translate("Duban", "%1内容过长").arg(name);
    if (e.code == "in_future")
        return QCoreApplication::translate("Duban", "%1不能晚于今天").arg(name);
    if (e.code == "exceeds_total")
        return QCoreApplication::translate("Duban", "%1超过项目总投资").arg(name);
    return QString::fromStdString(e.message);
}

QString errorText(const Error& error) {
    if (error.code == "forbidden")
        return QCoreApplication::translate("Duban", "没有权限：%1")
            .arg(QString::fromStdString(error.message));
    if (error.code == "invalid")
        return QCoreApplication::translate("Duban", "内容不完整或有误，请检查标出的项目");
    if (error.code == "invalid_transition")
        return QCoreApplication::translate("Duban", "记录状态已变化，不能进行此操作");
    if (error.code == "not_found")
        return QCoreApplication::translate("Duban", "本机没有这条记录，请先同步");
    if (error.code.starts_with("photo_"))
        return QCoreApplication::translate("Duban", "照片无法使用：%1")
            .arg(QString::fromStdString(error.message));
    return QString::fromStdString(error.message + " (" + error.code + ")");
}

QVariantMap fieldErrorMap(const std::vector<FieldError>& errors) {
    QVariantMap map;
    for (const FieldError& e : errors) {
        const QString key = QString::fromStdString(e.field.substr(0, e.field.find('.')));
        if (!map.contains(key))
            map.insert(key, fieldErrorText(e));
    }
    return map;
}

}  // namespace duban::app
