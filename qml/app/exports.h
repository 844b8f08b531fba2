#pragma once
// What the app writes into <data folder>/exports/ for the user to share (docs/app.md): the month
// as the notice's table (.xlsx, or .pdf with its charts) and a warning letter as a PDF. Each runs
// on the store's thread — the month's title and a letter's facts are read there, and
// QTextDocument and QPdfWriter are not tied to the GUI thread — so a screen never waits for it.
#include <QString>

#include <filesystem>
#include <string>

#include "core/store/database.h"
#include "core/store/dispatch_month.h"

namespace duban::app {

// The file written, or why not (the other is empty).
struct ExportedFile {
    QString file;
    QString problem;
};

// <data folder>/exports
[[nodiscard]] std::filesystem::path exportFolder(const QString& dataFolder);

// 月调度-YYYY-MM.xlsx or .pdf: `month` as shown (not a second read), under the list's title.
[[nodiscard]] ExportedFile exportMonth(const Database& db, const DispatchMonth& month,
                                       const ProjectFilter& filter,
                                       const std::filesystem::path& folder, bool pdf);

// 督办函-<文号>.pdf from the letter's facts on this device.
[[nodiscard]] ExportedFile exportLetter(const Database& db, const std::string& warningId,
                                        const std::filesystem::path& folder);

}  // namespace duban::app
