#pragma once
// Whether the QML modules a screen needs at run time are installed. Qt's own file dialog (the
// non-native one, used on Linux without a desktop portal) imports Qt.labs.folderlistmodel only
// when it is opened — a missing module there is a crash inside Qt, not an error QML can catch —
// so the app asks before it opens the dialog.
#include <QString>

#include <span>

class QQmlEngine;

namespace duban::app {

// The modules Qt's file dialog loads when it opens.
inline constexpr const char* kFileDialogModules[] = {"QtQuick.Dialogs", "Qt.labs.folderlistmodel"};

// The first of `modules` that `engine` cannot import, or an empty string when all are there.
[[nodiscard]] QString firstMissingModule(QQmlEngine& engine, std::span<const char* const> modules);

// The sentence a user (or the self-test) reads when the file dialog's modules are missing; empty
// when the dialog can open.
[[nodiscard]] QString fileDialogProblem(QQmlEngine& engine);

}  // namespace duban::app
