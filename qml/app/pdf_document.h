#pragma once
// HTML (Qt's rich-text subset) to a PDF file on A4, with Chinese fonts and images the HTML
// refers to by name. The text is set in AR PL UMing (a 宋体, fonts-arphic-uming): Qt writes a
// PDF's ToUnicode map from the font's cmap, lowest code point first, and Noto CJK shares its
// glyphs with the Kangxi radicals — 首 would copy out of the PDF as ⾸ (U+2FB8) and no search
// would find it. UMing gives every ideograph its own glyph (docs/dispatch.md, "PDF"). Written next
// to the file first and renamed into place: a failed export never leaves half a PDF under the final
// name. Needs a QGuiApplication (fonts).
#include <QImage>
#include <QPageLayout>
#include <QString>

#include <filesystem>
#include <vector>

#include "core/util/result.h"

namespace duban::app {

struct PdfImage {
    QString name;  // <img src="name">
    QImage image;
};

struct PdfOptions {
    QString title;  // the PDF's title in its metadata
    QPageLayout::Orientation orientation = QPageLayout::Portrait;
    double baseFontPoints = 10.5;  // 五号
};

[[nodiscard]] Status writeHtmlPdf(const QString& html, const std::filesystem::path& file,
                                  const PdfOptions& options,
                                  const std::vector<PdfImage>& images = {});

}  // namespace duban::app
