// EXIF via exiv2. EXIF is advisory: a photo without it, or with values a camera got wrong, is still
// a good photo, so anything unreadable or implausible is dropped instead of failing the photo.
#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/media/jpeg_header.h"
#include "core/media/photo.h"
#include "core/util/log.h"

namespace duban::media {

namespace {
const log::Category kLog{"duban.media.exif"};

void initExiv2Once() {
    static std::once_flag once;
    std::call_once(once, [] {
        // exiv2 writes warnings about odd maker notes to stderr; the caller gets our result
        // instead.
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
        // exiv2 0.27 initialises its XMP toolkit lazily and not thread-safely on first use.
        Exiv2::XmpParser::initialize();
    });
}

const Exiv2::Exifdatum* find(const Exiv2::ExifData& exif, const char* key) {
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it == exif.end() || it->count() < 1) {
        return nullptr;
    }
    return &*it;
}

bool isDigits(std::string_view text, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            return false;
        }
    }
    return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// "YYYY:MM:DD HH:MM:SS" -> "YYYY-MM-DDTHH:MM:SS". Cameras without a clock write zeros or blanks.
std::optional<std::string> isoDateTime(std::string_view text) {
    if (text.size() < 19 || !isDigits(text, 0, 4) || !isDigits(text, 5, 2) ||
        !isDigits(text, 8, 2) || !isDigits(text, 11, 2) || !isDigits(text, 14, 2) ||
        !isDigits(text, 17, 2) || text[13] != ':' || text[16] != ':' ||
        (text[10] != ' ' && text[10] != 'T')) {
        return std::nullopt;
    }
    const char dateSeparator = text[4];
    if ((dateSeparator != ':' && dateSeparator != '-') || text[7] != dateSeparator) {
        return std::nullopt;
    }
    const int year = number(text, 0, 4);
    const int month = number(text, 5, 2);
    const int day = number(text, 8, 2);
    if (year < 1800 || month < 1 || month > 12 || day < 1 || day > 31 || number(text, 11, 2) > 23 ||
        number(text, 14, 2) > 59 || number(text, 17, 2) > 60) {
        return std::nullopt;
    }
    std::string iso(text.substr(0, 19));
    iso[4] = '-';
    iso[7] = '-';
    iso[10] = 'T';
    return iso;
}

// "+08:00" / "-05:30"; anything else (blanks, "Z", garbage) is left out.
bool isUtcOffset(std::string_view text) {
    return text.size() >= 6 && (text[0] == '+' || text[0] == '-') && isDigits(text, 1, 2) &&
           text[3] == ':' && isDigits(text, 4, 2) && number(text, 1, 2) <= 14 &&
           number(text, 4, 2) <= 59;
}

std::optional<std::string> readTakenAt(const Exiv2::ExifData& exif) {
    const Exiv2::Exifdatum* original = find(exif, "Exif.Photo.DateTimeOriginal");
    if (original == nullptr) {
        return std::nullopt;
    }
    std::optional<std::string> takenAt = isoDateTime(original->toString());
    if (!takenAt) {
        return std::nullopt;
    }
    if (const Exiv2::Exifdatum* offset = find(exif, "Exif.Photo.OffsetTimeOriginal")) {
        const std::string text = offset->toString();
        if (isUtcOffset(text)) {
            takenAt->append(text, 0, 6);
        }
    }
    return takenAt;
}

// Degrees, minutes, seconds as rationals plus an N/S or E/W reference. Without a reference the
// hemisphere is unknown, and a pin on the wrong side of the world is worse than no pin.
std::optional<double> readCoordinate(const Exiv2::ExifData& exif, const char* valueKey,
                                     const char* refKey, char positive, char negative,
                                     double maxDegrees) {
    const Exiv2::Exifdatum* value = find(exif, valueKey);
    const Exiv2::Exifdatum* ref = find(exif, refKey);
    if (value == nullptr || ref == nullptr) {
        return std::nullopt;
    }
    const std::string hemisphere = ref->toString();
    if (hemisphere.empty() || (hemisphere[0] != positive && hemisphere[0] != negative)) {
        return std::nullopt;
    }
    double degrees = 0;
    double unit = 1;
    const long parts = std::min(value->count(), 3L);
    for (long i = 0; i < parts; ++i, unit *= 60) {
        const Exiv2::Rational part = value->toRational(i);
        if (part.first == 0) {
            continue;  // some cameras write 0/0 for unused seconds
        }
        if (part.first < 0 || part.second <= 0) {
            return std::nullopt;
        }
        degrees += static_cast<double>(part.first) / part.second / unit;
    }
    if (!std::isfinite(degrees) || degrees > maxDegrees) {
        return std::nullopt;
    }
    return hemisphere[0] == negative ? -degrees : degrees;
}

int readOrientation(const Exiv2::ExifData& exif) {
    const Exiv2::Exifdatum* orientation = find(exif, "Exif.Image.Orientation");
    if (orientation == nullptr) {
        return 1;
    }
    const long value = orientation->toLong(0);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
}

}  // namespace

Result<ExifInfo> readExif(std::span<const std::uint8_t> bytes) {
    if (!detail::hasJpegMagic(bytes)) {
        return detail::notJpegError(bytes);
    }
    initExiv2Once();
    ExifInfo info;
    try {
        const auto image = Exiv2::ImageFactory::open(bytes.data(), static_cast<long>(bytes.size()));
        image->readMetadata();
        const Exiv2::ExifData& exif = image->exifData();
        if (exif.empty()) {
            return info;
        }
        info.takenAt = readTakenAt(exif);
        const auto latitude = readCoordinate(exif, "Exif.GPSInfo.GPSLatitude",
                                             "Exif.GPSInfo.GPSLatitudeRef", 'N', 'S', 90.0);
        const auto longitude = readCoordinate(exif, "Exif.GPSInfo.GPSLongitude",
                                              "Exif.GPSInfo.GPSLongitudeRef", 'E', 'W', 180.0);
        if (latitude && longitude) {
            info.latitude = latitude;
            info.longitude = longitude;
        }
        info.orientation = readOrientation(exif);
    } catch (const std::exception& e) {
        // exiv2 throws on malformed metadata; the pixels may still be fine, so carry on without it.
        log::warning(kLog, std::string("EXIF unreadable, photo kept without it: ") + e.what());
        return ExifInfo{};
    }
    return info;
}

}  // namespace duban::media
