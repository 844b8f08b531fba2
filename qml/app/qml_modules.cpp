#include "qml/app/qml_modules.h"

#include <QCoreApplication>
#include <QQmlComponent>
#include <QQmlEngine>

#include "qml/app/log_categories.h"

namespace duban::app {

QString firstMissingModule(QQmlEngine& engine, std::span<const char* const> modules) {
    for (const char* module : modules) {
        QQmlComponent probe(&engine);
        probe.setData(QByteArrayLiteral("import QtQml\nimport ") + module +
                          QByteArrayLiteral("\nQtObject {}\n"),
                      QUrl());
        if (probe.isError())
            return QString::fromLatin1(module);
    }
    return {};
}

QString fileDialogProblem(QQmlEngine& engine) {
    const QString missing = firstMissingModule(engine, kFileDialogModules);
    if (missing.isEmpty())
        return {};
    qCWarning(lcUi, "the file dialog cannot open: QML module %s is not installed",
              qPrintable(missing));
    return QCoreApplication::translate(
               "Duban",
               "无法打开文件选择：本机缺少 Qt 组件 %1。请安装它（Debian："
               "qml6-module-qt-labs-folderlistmodel）后重启应用，或改用拍照。")
        .arg(missing);
}

}  // namespace duban::app
