#include "core/domain/record_json.h"

#include <functional>
#include <map>

namespace duban {
namespace {

using nlohmann::json;

template <class T>
json optionalJson(const std::optional<T>& value) {
    return value ? json(*value) : json(nullptr);
}

Error invalidField(const std::string& field, std::string_view expected) {
    return makeError("invalid", "field '" + field + "' must be " + std::string(expected) + ".");
}

// Readers for one field: each checks the JSON type before assigning.
Status readString(const json& v, const std::string& field, std::string& out) {
    if (!v.is_string())
        return invalidField(field, "a string");
    out = v.get<std::string>();
    return Ok{};
}

Status readOptionalString(const json& v, const std::string& field,
                          std::optional<std::string>& out) {
    if (v.is_null()) {
        out.reset();
        return Ok{};
    }
    if (!v.is_string())
        return invalidField(field, "a string or null");
    out = v.get<std::string>();
    return Ok{};
}

Status readOptionalInt64(const json& v, const std::string& field,
                         std::optional<std::int64_t>& out) {
    if (v.is_null()) {
        out.reset();
        return Ok{};
    }
    if (!v.is_number_integer())
        return invalidField(field, "an integer or null");
    out = v.get<std::int64_t>();
    return Ok{};
}

Status readOptionalInt(const json& v, const std::string& field, std::optional<int>& out) {
    std::optional<std::int64_t> wide;
    if (auto s = readOptionalInt64(v, field, wide); !s)
        return s;
    if (wide && (*wide < INT32_MIN || *wide > INT32_MAX))
        return invalidField(field, "a small integer");
    out = wide ? std::optional<int>(static_cast<int>(*wide)) : std::nullopt;
    return Ok{};
}

template <class Record>
using FieldReader = std::function<Status(Record&, const json&, const std::string&)>;

template <class Record>
Status applyFields(Record& record, const json& fields,
                   const std::map<std::string, FieldReader<Record>>& readers) {
    if (!fields.is_object())
        return makeError("invalid", "fields must be a JSON object.");
    for (const auto& [name, value] : fields.items()) {
        const auto reader = readers.find(name);
        if (reader == readers.end())
            return makeError("invalid", "unknown field '" + name + "'.");
        if (auto s = reader->second(record, value, name); !s)
            return s;
    }
    return Ok{};
}

const std::map<std::string, FieldReader<ProgressReport>>& reportReaders() {
    static const std::map<std::string, FieldReader<ProgressReport>> readers{
        {"project_id",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.projectId); }},
        {"period",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.period); }},
        {"milestone_id", [](auto& r, const json& v,
                            const auto& f) { return readOptionalString(v, f, r.milestoneId); }},
        {"investment", [](auto& r, const json& v,
                          const auto& f) { return readOptionalInt64(v, f, r.investment); }},
        {"percent_complete",
         [](auto& r, const json& v, const auto& f) {
             return readOptionalInt(v, f, r.percentComplete);
         }},
        {"narrative",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.narrative); }},
        {"problems",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.problems); }},
        {"coordination",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.coordination); }},
    };
    return readers;
}

Status readPosition(SiteVisit& visit, const json& v, const std::string& field) {
    if (v.is_null()) {
        visit.position.reset();
        return Ok{};
    }
    if (!v.is_object() || !v.contains("lat") || !v.contains("lon") || !v["lat"].is_number() ||
        !v["lon"].is_number()) {
        return invalidField(field, "an object {lat, lon, accuracy, source} or null");
    }
    Position p;
    p.latitude = v["lat"].get<double>();
    p.longitude = v["lon"].get<double>();
    if (v.contains("accuracy") && !v["accuracy"].is_null()) {
        if (!v["accuracy"].is_number())
            return invalidField(field + ".accuracy", "a number of metres");
        p.accuracyMeters = v["accuracy"].get<double>();
    }
    if (v.contains("source")) {
        const auto source = v["source"].is_string()
                                ? parseEnum<PositionSource>(v["source"].get<std::string>())
                                : std::nullopt;
        if (!source)
            return invalidField(field + ".source", "\"gps\" or \"manual\"");
        p.source = *source;
    }
    visit.position = p;
    return Ok{};
}

const std::map<std::string, FieldReader<SiteVisit>>& visitReaders() {
    static const std::map<std::string, FieldReader<SiteVisit>> readers{
        {"project_id",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.projectId); }},
        {"visited_at",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.visitedAt); }},
        {"utc_offset_minutes",
         [](auto& r, const json& v, const auto& f) -> Status {
             if (!v.is_number_integer())
                 return invalidField(f, "an integer");
             const auto minutes = v.get<std::int64_t>();
             if (minutes < -24 * 60 || minutes > 24 * 60)
                 return invalidField(f, "within ±24 hours");
             r.utcOffsetMinutes = static_cast<int>(minutes);
             return Ok{};
         }},
        {"position", [](auto& r, const json& v, const auto& f) { return readPosition(r, v, f); }},
        {"notes", [](auto& r, const json& v, const auto& f) { return readString(v, f, r.notes); }},
        {"people_met",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.peopleMet); }},
    };
    return readers;
}

Status readInt(const json& v, const std::string& field, int& out) {
    std::optional<int> value;
    if (auto s = readOptionalInt(v, field, value); !s)
        return s;
    if (!value)
        return invalidField(field, "an integer");
    out = *value;
    return Ok{};
}

// A photo's position is what EXIF GPS gives: {lat, lon}, nothing else (the table keeps no more).
Status readPhotoPosition(Photo& photo, const json& v, const std::string& field) {
    if (v.is_null()) {
        photo.position.reset();
        return Ok{};
    }
    const bool shaped = v.is_object() && v.size() == 2 && v.contains("lat") && v.contains("lon") &&
                        v["lat"].is_number() && v["lon"].is_number();
    if (!shaped)
        return invalidField(field, "an object {lat, lon} or null");
    Position p;
    p.latitude = v["lat"].get<double>();
    p.longitude = v["lon"].get<double>();
    photo.position = p;
    return Ok{};
}

const std::map<std::string, FieldReader<Photo>>& photoReaders() {
    static const std::map<std::string, FieldReader<Photo>> readers{
        {"owner_kind",
         [](auto& r, const json& v, const auto& f) -> Status {
             const auto kind =
                 v.is_string() ? parseEnum<Entity>(v.get<std::string>()) : std::nullopt;
             if (!kind)
                 return invalidField(f, "\"site_visit\" or \"progress_report\"");
             r.ownerKind = *kind;
             return Ok{};
         }},
        {"owner_id",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.ownerId); }},
        {"sha256",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.sha256); }},
        {"size",
         [](auto& r, const json& v, const auto& f) -> Status {
             if (!v.is_number_integer())
                 return invalidField(f, "an integer byte count");
             r.size = v.get<std::int64_t>();
             return Ok{};
         }},
        {"thumbnail_sha256",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.thumbnailSha256); }},
        {"width", [](auto& r, const json& v, const auto& f) { return readInt(v, f, r.width); }},
        {"height", [](auto& r, const json& v, const auto& f) { return readInt(v, f, r.height); }},
        {"taken_at",
         [](auto& r, const json& v, const auto& f) { return readOptionalString(v, f, r.takenAt); }},
        {"position",
         [](auto& r, const json& v, const auto& f) { return readPhotoPosition(r, v, f); }},
        {"caption",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.caption); }},
    };
    return readers;
}

const std::map<std::string, FieldReader<Warning>>& warningReaders() {
    static const std::map<std::string, FieldReader<Warning>> readers{
        {"project_id",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.projectId); }},
        {"milestone_id", [](auto& r, const json& v,
                            const auto& f) { return readOptionalString(v, f, r.milestoneId); }},
        {"level", [](auto& r, const json& v, const auto& f) { return readInt(v, f, r.level); }},
        {"reason",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.reason); }},
        {"reason_code",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.reasonCode); }},
        {"number",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.number); }},
        {"correct_by",
         [](auto& r, const json& v, const auto& f) { return readString(v, f, r.correctBy); }},
    };
    return readers;
}

}  // namespace

json toJson(const ProgressReport& r) {
    return json{{"project_id", r.projectId},
                {"period", r.period},
                {"milestone_id", optionalJson(r.milestoneId)},
                {"investment", optionalJson(r.investment)},
                {"percent_complete", optionalJson(r.percentComplete)},
                {"narrative", r.narrative},
                {"problems", r.problems},
                {"coordination", r.coordination}};
}

json toJson(const SiteVisit& v) {
    json position = nullptr;
    if (v.position) {
        position = json{{"lat", v.position->latitude},
                        {"lon", v.position->longitude},
                        {"accuracy", optionalJson(v.position->accuracyMeters)},
                        {"source", toString(v.position->source)}};
    }
    return json{{"project_id", v.projectId},
                {"visited_at", v.visitedAt},
                {"utc_offset_minutes", v.utcOffsetMinutes},
                {"position", position},
                {"notes", v.notes},
                {"people_met", v.peopleMet}};
}

json toJson(const Photo& p) {
    json position = nullptr;
    if (p.position)
        position = json{{"lat", p.position->latitude}, {"lon", p.position->longitude}};
    return json{{"owner_kind", toString(p.ownerKind)},
                {"owner_id", p.ownerId},
                {"sha256", p.sha256},
                {"size", p.size},
                {"thumbnail_sha256", p.thumbnailSha256},
                {"width", p.width},
                {"height", p.height},
                {"taken_at", optionalJson(p.takenAt)},
                {"position", position},
                {"caption", p.caption}};
}

json toJson(const Warning& w) {
    return json{{"project_id", w.projectId}, {"milestone_id", optionalJson(w.milestoneId)},
                {"level", w.level},          {"reason_code", w.reasonCode},
                {"reason", w.reason},        {"number", w.number},
                {"correct_by", w.correctBy}};
}

Status applyJson(ProgressReport& report, const json& fields) {
    return applyFields(report, fields, reportReaders());
}
Status applyJson(SiteVisit& visit, const json& fields) {
    return applyFields(visit, fields, visitReaders());
}
Status applyJson(Photo& photo, const json& fields) {
    return applyFields(photo, fields, photoReaders());
}
Status applyJson(Warning& warning, const json& fields) {
    return applyFields(warning, fields, warningReaders());
}

std::vector<std::string> changedFieldNames(const json& before, const json& after) {
    std::vector<std::string> names;
    for (const auto& [key, value] : after.items()) {
        if (!before.contains(key) || before[key] != value)
            names.push_back(key);
    }
    return names;
}

json changedFields(const json& before, const json& after) {
    json changed = json::object();
    for (const std::string& name : changedFieldNames(before, after))
        changed[name] = after[name];
    return changed;
}

}  // namespace duban
