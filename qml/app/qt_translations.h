#pragma once
// Qt's own words — the buttons of its file dialog, the standard buttons, the context menus of text
// fields — in the app's language, from the Qt translations Debian installs
// (qt6-translations-l10n); without them a Chinese screen would show "Cancel" and "Open".
#include <QString>
#include <QTranslator>

namespace duban::app {

class QtTranslations {
public:
    QtTranslations() = default;
    ~QtTranslations();
    QtTranslations(const QtTranslations&) = delete;
    QtTranslations& operator=(const QtTranslations&) = delete;

    // Installs Qt's catalogue for `language` (zh_CN, en …) in place of the previous one; false
    // when none is installed on this machine (Qt's own English then shows).
    bool use(const QString& language);

private:
    QTranslator m_translator;
    bool m_installed = false;
};

}  // namespace duban::app
