#pragma once
// Money: integer yuan inside, 万元 (and 亿元) outside, as Chinese government tables print it.
#include <optional>
#include <string>
#include <string_view>

#include "core/domain/types.h"

namespace duban {

inline constexpr Yuan kYuanPerWan = 10'000;

// A figure in 万元 as typed or printed ("2673897", "273,027", "1568.5", "0.25") → exact yuan.
// Thousands separators only where they belong; at most four decimals (one yuan); anything else,
// or a value beyond ±10^12 万元, is nullopt.
[[nodiscard]] std::optional<Yuan> parseWan(std::string_view text);
// A JSON number in 万元 → yuan, rounded to the nearest yuan.
[[nodiscard]] Yuan wanToYuan(double wan);

// "273,027万元", "1,568.5万元", "0.25万元": grouped thousands, decimals only where needed.
[[nodiscard]] std::string formatWan(Yuan amount);
// The number alone, without unit: "273,027" — for table cells whose header names the unit.
[[nodiscard]] std::string formatWanNumber(Yuan amount);

}  // namespace duban
