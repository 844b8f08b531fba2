#include "qml/app/pdf_document.h"

#include <QFont>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <system_error>

namespace duban::app {

Status writeHtmlPdf(const QString& html, const std::filesystem::path& file,
                    const PdfOptions& options, const std::vector<PdfImage>& images) {
    std::error_code error;
    if (file.has_parent_path())
        std::filesystem::create_directories(file.parent_path(), error);
    std::filesystem::path part = file;
    part += ".part";
    {
        QPdfWriter writer(QString::fromStdString(part.string()));
        writer.setTitle(options.title);
        writer.setCreator(QStringLiteral("Duban 督办"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), options.orientation,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        QTextDocument document;
        QFont font(QStringLiteral("AR PL UMing CN"));
        font.setPointSizeF(options.baseFontPoints);
        document.setDefaultFont(font);
        for (const PdfImage& image : images)
            document.addResource(QTextDocument::ImageResource, QUrl(image.name), image.image);
        document.setHtml(html);
        // Laid out to the page inside print()'s own 2 cm margins, with page numbers; images are
        // sized in 96 dpi pixels (landscape A4: 257 mm ≈ 970 px wide).
        document.print(&writer);
    }
    if (std::filesystem::file_size(part, error) == 0 || error) {
        std::filesystem::remove(part, error);
        return makeError("export_failed", "cannot write " + file.string() + ".");
    }
    std::filesystem::rename(part, file, error);
    if (error) {
        std::filesystem::remove(part, error);
        return makeError("export_failed",
                         "cannot write " + file.string() + ": " + error.message() + ".");
    }
    return Ok{};
}

}  // namespace duban::app
