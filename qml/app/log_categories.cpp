#include "qml/app/log_categories.h"

#include <QCoreApplication>

namespace duban::app {

Q_LOGGING_CATEGORY(lcStore, "duban.store")
Q_LOGGING_CATEGORY(lcSync, "duban.sync")
Q_LOGGING_CATEGORY(lcUi, "duban.ui")
Q_LOGGING_CATEGORY(lcExport, "duban.export")

void logReadFailed(const char* what, const std::exception& error) {
    qCWarning(lcStore, "reading %s failed: %s", what, error.what());
}

QString storeReadFailed(const char* what, const std::exception& error) {
    logReadFailed(what, error);
    return QCoreApplication::translate("Duban", "读取本机数据失败（%1），请稍后再试或重新同步")
        .arg(QString::fromUtf8(error.what()));
}

}  // namespace duban::app
