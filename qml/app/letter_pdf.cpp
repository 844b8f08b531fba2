#include "qml/app/letter_pdf.h"

#include <QFile>

#include "core/export/letter_fields.h"
#include "core/export/template_fill.h"
#include "core/rules/lag_warnings.h"
#include "qml/app/pdf_document.h"

namespace duban::app {

Status writeLetterPdf(const LetterFacts& facts, const std::filesystem::path& file) {
    QFile source(QStringLiteral(":/templates/warning_letter.html"));
    if (!source.open(QIODevice::ReadOnly))
        return makeError("template_missing", "the letter template is not in the app.");
    const QByteArray text = source.readAll();
    const Result<std::string> html =
        fillTemplate(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                     letterFields(facts));
    if (!html)
        return html.error();
    const std::string title = std::string(letterName(facts.warning.level)) + " " +
                              facts.warning.number + " " + facts.warning.projectName;
    return writeHtmlPdf(QString::fromStdString(html.value()), file,
                        PdfOptions{QString::fromStdString(title), QPageLayout::Portrait, 15});
}

std::string letterFileName(const WarningRow& warning) {
    return "督办函-" + (warning.number.empty() ? warning.id.substr(0, 8) : warning.number) + ".pdf";
}

}  // namespace duban::app
