#include "qml/app/log_categories.h"

#include <QCoreApplication>

#include "core/util/log.h"

namespace duban::app {

Q_LOGGING_CATEGORY(lcStore, "duban.store")
Q_LOGGING_CATEGORY(lcSync, "duban.sync")
Q_LOGGING_CATEGORY(lcUi, "duban.ui")
Q_LOGGING_CATEGORY(lcExport, "duban.export")
Q_LOGGING_CATEGORY(lcCore, "duban.core")

void sendCoreLogToQt() {
    log::setSink([](log::Level level, std::string_view category, std::string_view message) {
        const QString line = QString::fromUtf8(category.data(), qsizetype(category.size())) +
                             QStringLiteral(": ") +
                             QString::fromUtf8(message.data(), qsizetype(message.size()));
        switch (level) {
            case log::Level::debug:
                qCDebug(lcCore).noquote() << line;
                break;
            case log::Level::info:
                qCInfo(lcCore).noquote() << line;
                break;
            case log::Level::warning:
                qCWarning(lcCore).noquote() << line;
                break;
            case log::Level::error:
                qCCritical(lcCore).noquote() << line;
                break;
        }
    });
}

void logReadFailed(const char* what, const std::exception& error) {
    qCWarning(lcStore, "reading %s failed: %s", what, error.what());
}

QString storeReadFailed(const char* what, const std::exception& error) {
    logReadFailed(what, error);
    return QCoreApplication::translate("Duban", "读取本机数据失败（%1），请稍后再试或重新同步")
        .arg(QString::fromUtf8(error.what()));
}

}  // namespace duban::app
