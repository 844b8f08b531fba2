#include "qml/app/qt_translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>

#include "qml/app/log_categories.h"

namespace duban::app {

QtTranslations::~QtTranslations() {
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

bool QtTranslations::use(const QString& language) {
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (QCoreApplication::instance() == nullptr)
        return false;
    // qt_<lang>.qm names the catalogues of each Qt module (qtbase, qtdeclarative …).
    const QString folder = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!m_translator.load(QStringLiteral("qt_") + language, folder)) {
        qCInfo(lcUi, "no Qt translation for %s in %s (package qt6-translations-l10n)",
               qPrintable(language), qPrintable(folder));
        return false;
    }
    m_installed = QCoreApplication::installTranslator(&m_translator);
    return m_installed;
}

}  // namespace duban::app
