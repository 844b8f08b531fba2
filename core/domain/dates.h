#pragma once
// Civil dates and periods as the notice uses them: due dates (YYYY-MM-DD), report periods
// (YYYY-MM) and the 23rd-of-the-month deadline. Pure calendar arithmetic, no time zones beyond
// a fixed offset (China has one: UTC+8, the default).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace duban {

using Date = std::chrono::year_month_day;

inline constexpr int kChinaUtcOffsetMinutes = 8 * 60;

[[nodiscard]] std::optional<Date> parseDate(std::string_view isoDate);  // "2022-12-31"
[[nodiscard]] std::string formatDate(const Date& date);                 // "2022-12-31"
// "2022年12月31日", as a Chinese government letter writes a date.
[[nodiscard]] std::string formatDateChinese(const Date& date);
[[nodiscard]] int daysBetween(const Date& from, const Date& to);  // to − from
[[nodiscard]] Date addDays(const Date& date, int days);
// The local calendar date of an instant at a fixed UTC offset.
[[nodiscard]] Date dateAt(std::int64_t unixMs, int utcOffsetMinutes = kChinaUtcOffsetMinutes);

// A report period "YYYY-MM".
struct Period {
    int year = 0;
    unsigned month = 0;
    [[nodiscard]] std::string toString() const;
    [[nodiscard]] Period previous() const;
    [[nodiscard]] Date lastDay() const;
    friend auto operator<=>(const Period&, const Period&) = default;
};
[[nodiscard]] std::optional<Period> parsePeriod(std::string_view text);
[[nodiscard]] Period periodOf(const Date& date);

// "2022-05-24T02:11:12.345Z"
[[nodiscard]] std::string formatInstantUtc(std::int64_t unixMs);
// Accepts "…Z" or "…+08:00" (seconds, optional fraction); returns Unix ms.
[[nodiscard]] std::optional<std::int64_t> parseInstant(std::string_view text);

}  // namespace duban
