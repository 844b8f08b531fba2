#include "core/domain/money.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace duban {

std::optional<Yuan> parseWan(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    const auto dot = text.find('.');
    // Thousands may be grouped as the tables print them ("273,027"), but only correctly.
    std::string whole(text.substr(0, dot));
    if (whole.find(',') != std::string::npos) {
        const auto first = whole.find(',');
        if (first == 0 || first > 3)
            return std::nullopt;
        for (std::size_t at = first; at < whole.size(); at += 4) {
            if (whole[at] != ',' || whole.size() - at < 4)
                return std::nullopt;
        }
        if ((whole.size() - first) % 4 != 0)
            return std::nullopt;
        std::erase(whole, ',');
    }
    const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || whole.size() > 12 || fraction.size() > 4 ||
        (dot != std::string_view::npos && fraction.empty())) {
        return std::nullopt;
    }
    Yuan value = 0;
    for (char c : whole) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    Yuan fractionYuan = 0;
    Yuan scale = 1000;
    for (char c : fraction) {
        if (c < '0' || c > '9')
            return std::nullopt;
        fractionYuan += (c - '0') * scale;
        scale /= 10;
    }
    const Yuan yuan = value * kYuanPerWan + fractionYuan;
    return negative ? -yuan : yuan;
}

Yuan wanToYuan(double wan) {
    return static_cast<Yuan>(std::llround(wan * static_cast<double>(kYuanPerWan)));
}

std::string formatWanNumber(Yuan amount) {
    const bool negative = amount < 0;
    const Yuan magnitude = negative ? -amount : amount;
    std::string digits = std::to_string(magnitude / kYuanPerWan);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped.push_back(',');
        grouped.push_back(digits[i]);
    }
    Yuan fraction = magnitude % kYuanPerWan;
    if (fraction != 0) {
        std::string decimals = std::to_string(fraction + kYuanPerWan).substr(1);  // 4 digits
        while (decimals.back() == '0')
            decimals.pop_back();
        grouped += "." + decimals;
    }
    return negative ? "-" + grouped : grouped;
}

std::string formatWan(Yuan amount) {
    return formatWanNumber(amount) + "万元";
}

}  // namespace duban
