#include "core/domain/dates.h"

#include <charconv>
#include <cstdio>

namespace duban {
namespace {

using namespace std::chrono;

bool readInt(std::string_view text, std::size_t pos, std::size_t length, int& out) {
    if (pos + length > text.size())
        return false;
    const char* begin = text.data() + pos;
    auto [end, error] = std::from_chars(begin, begin + length, out);
    return error == std::errc{} && end == begin + length;
}

}  // namespace

std::optional<Date> parseDate(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !readInt(text, 0, 4, y) ||
        !readInt(text, 5, 2, m) || !readInt(text, 8, 2, d)) {
        return std::nullopt;
    }
    const Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

std::string formatDate(const Date& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

std::string formatDateChinese(const Date& date) {
    return std::to_string(static_cast<int>(date.year())) + "年" +
           std::to_string(static_cast<unsigned>(date.month())) + "月" +
           std::to_string(static_cast<unsigned>(date.day())) + "日";
}

int daysBetween(const Date& from, const Date& to) {
    return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

Date addDays(const Date& date, int days) {
    return Date{sys_days{date} + std::chrono::days{days}};
}

Date dateAt(std::int64_t unixMs, int utcOffsetMinutes) {
    const auto local = sys_time<milliseconds>{milliseconds{unixMs}} + minutes{utcOffsetMinutes};
    return Date{floor<std::chrono::days>(local)};
}

std::string Period::toString() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, month);
    return buffer;
}

Period Period::previous() const {
    return month == 1 ? Period{year - 1, 12} : Period{year, month - 1};
}

Date Period::lastDay() const {
    return Date{std::chrono::year_month_day_last{
        std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}}};
}

std::optional<Period> parsePeriod(std::string_view text) {
    int y = 0, m = 0;
    if (text.size() != 7 || text[4] != '-' || !readInt(text, 0, 4, y) || !readInt(text, 5, 2, m) ||
        m < 1 || m > 12 || y < 1900 || y > 2999) {
        return std::nullopt;
    }
    return Period{y, static_cast<unsigned>(m)};
}

Period periodOf(const Date& date) {
    return Period{static_cast<int>(date.year()), static_cast<unsigned>(date.month())};
}

std::string formatInstantUtc(std::int64_t unixMs) {
    const auto tp = sys_time<milliseconds>{milliseconds{unixMs}};
    const auto dayPoint = floor<std::chrono::days>(tp);
    const Date date{dayPoint};
    const hh_mm_ss<milliseconds> time{tp - dayPoint};
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%03dZ", formatDate(date).c_str(),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()),
                  static_cast<int>(time.subseconds().count()));
    return buffer;
}

std::optional<std::int64_t> parseInstant(std::string_view text) {
    if (text.size() < 20 || text[10] != 'T')
        return std::nullopt;
    const auto date = parseDate(text.substr(0, 10));
    int h = 0, mi = 0, s = 0;
    if (!date || text[13] != ':' || text[16] != ':' || !readInt(text, 11, 2, h) ||
        !readInt(text, 14, 2, mi) || !readInt(text, 17, 2, s) || h > 23 || mi > 59 || s > 60) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    int ms = 0;
    if (pos < text.size() && text[pos] == '.') {
        std::size_t digits = 0;
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 3)
                ms = ms * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 3; ++digits)
            ms *= 10;
    }
    int offsetMinutes = 0;
    const std::string_view zone = text.substr(pos);
    if (zone == "Z") {
        offsetMinutes = 0;
    } else {
        int oh = 0, om = 0;
        if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' ||
            !readInt(zone, 1, 2, oh) || !readInt(zone, 4, 2, om) || oh > 14 || om > 59) {
            return std::nullopt;
        }
        offsetMinutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    const auto local = sys_days{*date} + hours{h} + minutes{mi} + seconds{s} + milliseconds{ms};
    return (local - minutes{offsetMinutes}).time_since_epoch().count();
}

}  // namespace duban
