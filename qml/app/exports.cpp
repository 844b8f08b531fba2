#include "qml/app/exports.h"

#include <QCoreApplication>

#include "core/export/month_table.h"
#include "core/export/month_xlsx.h"
#include "core/store/letter_facts.h"
#include "qml/app/field_errors.h"
#include "qml/app/letter_pdf.h"
#include "qml/app/log_categories.h"
#include "qml/app/month_pdf.h"

namespace duban::app {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

}  // namespace

std::filesystem::path exportFolder(const QString& dataFolder) {
    return std::filesystem::path(dataFolder.toStdString()) / "exports";
}

ExportedFile exportMonth(const Database& db, const DispatchMonth& month,
                         const ProjectFilter& filter, const std::filesystem::path& folder,
                         bool pdf) {
    try {
        const std::string title = monthTitle(db, month.period, filter);
        const auto file = folder / ("月调度-" + month.period.toString() + (pdf ? ".pdf" : ".xlsx"));
        std::error_code ignored;
        std::filesystem::create_directories(folder, ignored);
        const Status written =
            pdf ? writeMonthPdf(month, title, file) : writeMonthXlsx(month, title, file);
        if (!written)
            return {QString(), text(written.error().message)};
        return {text(file.string()), QString()};
    } catch (const DatabaseError& e) {
        qCWarning(lcExport, "exporting the month %s failed: %s", month.period.toString().c_str(),
                  e.what());
        return {QString(), QString::fromUtf8(e.what())};
    }
}

ExportedFile exportLetter(const Database& db, const std::string& warningId,
                          const std::filesystem::path& folder) {
    try {
        const auto facts = loadLetterFacts(db, warningId);
        if (!facts)
            return {QString(),
                    QCoreApplication::translate("WarningsModel", "这份督办函不在本设备上。")};
        const auto file = folder / letterFileName(facts->warning);
        const Status written = writeLetterPdf(*facts, file);
        if (!written)
            return {QString(), errorText(written.error())};
        return {text(file.string()), QString()};
    } catch (const DatabaseError& e) {
        qCWarning(lcExport, "exporting warning letter %s failed: %s", warningId.c_str(), e.what());
        return {QString(), QString::fromUtf8(e.what())};
    }
}

}  // namespace duban::app
