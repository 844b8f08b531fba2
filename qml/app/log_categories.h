#pragma once
// The app's logging categories, one per area (turn on the debug output of one with
// QT_LOGGING_RULES="duban.store.debug=true"): duban.store — reads and writes on the store's
// thread; duban.sync — background sync; duban.ui — screens and their controllers; duban.export —
// the files the app writes for the user.
#include <QLoggingCategory>
#include <QString>

#include <exception>

namespace duban::app {

Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcExport)
Q_DECLARE_LOGGING_CATEGORY(lcCore)

// Sends the lines core and sync log (core/util/log.h) to Qt's logging under duban.core, each
// prefixed with its own category. Called once by the platform's main before threads start.
void sendCoreLogToQt();

// A read of the local store failed (a DatabaseError, on the store's thread): logged under
// duban.store with `what` was being read.
void logReadFailed(const char* what, const std::exception& error);
// The same, and the sentence a screen shows for it.
[[nodiscard]] QString storeReadFailed(const char* what, const std::exception& error);

}  // namespace duban::app
