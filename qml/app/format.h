#pragma once
// Figures as a Chinese government user reads them, from the core formatting rules.
#include <QString>

#include <cstdint>
#include <optional>

#include "core/domain/types.h"

namespace duban::app {

// "273,027万元"; "—" when unknown.
[[nodiscard]] QString wanText(const std::optional<Yuan>& amount);
// 完成率 as the board, the list and the detail all show it (core's one format): "16.7%"; "—"
// without a plan.
[[nodiscard]] QString rateText(const std::optional<double>& percent);
// A letter's name by its level: 提醒函 / 督办函 / 约谈 … (core's names).
[[nodiscard]] QString letterNameText(int level);
// "2021—2023", "2022", or "" when unknown.
[[nodiscard]] QString yearsText(const std::optional<int>& start, const std::optional<int>& end);

// An ISO instant as Jishou reads it (UTC+8): "2022年6月30日 10:00"; the text itself if unparsable.
[[nodiscard]] QString instantText(const std::string& iso);
// An instant (Unix ms) in Beijing time (UTC+8, whatever the device's zone), in a QDateTime
// format: "yyyy-MM-dd HH:mm".
[[nodiscard]] QString beijingTimeText(std::int64_t unixMs, const QString& format);

}  // namespace duban::app
