// Qt's own words follow the app's language: the file dialog and the standard buttons say 取消 in
// the Chinese app (with qt6-translations-l10n installed, as scripts/deps.sh does).
#include "qml/app/qt_translations.h"

#include <gtest/gtest.h>

#include <QCoreApplication>

namespace duban::app {
namespace {

TEST(QtTranslationsTest, QtsOwnButtonsSpeakTheAppsLanguage) {
    int argc = 1;
    char name[] = "qt_translations_test";
    char* argv[] = {name, nullptr};
    const QCoreApplication app(argc, argv);
    const auto cancel = [] { return QCoreApplication::translate("QPlatformTheme", "Cancel"); };
    EXPECT_EQ(cancel(), QStringLiteral("Cancel"));
    QtTranslations translations;
    ASSERT_TRUE(translations.use(QStringLiteral("zh_CN"))) << "is qt6-translations-l10n installed?";
    EXPECT_EQ(cancel(), QStringLiteral("取消"));
    EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Open"), QStringLiteral("打开"));
    translations.use(QStringLiteral("en"));
    EXPECT_EQ(cancel(), QStringLiteral("Cancel"));
}

}  // namespace
}  // namespace duban::app
