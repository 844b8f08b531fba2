#pragma once
// Completion (完成率) per group as horizontal bars, drawn into an image for documents (the PDF of
// the month). The same picture as the board's GroupChart: a label, a bar to 100%, the rate; a
// dashed line at the time share of the year (序时进度) when one is given.
#include <QImage>
#include <QString>

#include <optional>
#include <vector>

namespace duban::app {

struct ChartBar {
    QString label;
    std::optional<double> percent;  // none: nothing planned
};

[[nodiscard]] QImage completionChart(const QString& title, const std::vector<ChartBar>& bars,
                                     int widthPx, std::optional<double> scheduleShare);

}  // namespace duban::app
