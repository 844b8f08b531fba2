#include "server/sync/mutation.h"

#include "core/util/uuid.h"
#include "server/http/api.h"

namespace duban::server {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxHlcChars = 64;
constexpr std::size_t kMaxCommentBytes = 8000;  // 2000 CJK characters in UTF-8

Error invalidAt(std::size_t index, const std::string& what) {
    return makeError("invalid", "mutations[" + std::to_string(index) + "]: " + what);
}

std::optional<WriteOp> parseOp(const std::string& text) {
    if (text == "create")
        return WriteOp::create;
    if (text == "update")
        return WriteOp::update;
    if (text == "transition")
        return WriteOp::transition;
    if (text == "delete")
        return WriteOp::remove;
    return std::nullopt;
}

bool isEmptyOrAbsent(const json& m, const char* key) {
    const auto it = m.find(key);
    return it == m.end() || it->is_null() || (it->is_object() && it->empty());
}

Result<Mutation> readMutation(const json& m, std::size_t index) {
    if (!m.is_object())
        return invalidAt(index, "each mutation must be a JSON object.");
    if (auto s = onlyFields(m, {"n", "mid", "entity", "id", "op", "base_version", "fields",
                                "transition", "comment", "hlc"});
        !s) {
        return invalidAt(index, s.error().message);
    }
    Mutation out;
    const auto n = m.find("n");
    if (n == m.end() || !n->is_number_integer() || n->get<std::int64_t>() < 1)
        return invalidAt(index, "'n' must be an integer from 1 (the device's mutation number).");
    out.n = n->get<std::int64_t>();

    for (const char* key : {"mid", "id"}) {
        const auto it = m.find(key);
        if (it == m.end() || !it->is_string() || !isUuid(it->get<std::string>()))
            return invalidAt(index, std::string("'") + key + "' must be a lowercase UUID.");
    }
    out.mid = m["mid"].get<std::string>();
    out.id = m["id"].get<std::string>();

    const auto entity = m.find("entity");
    const auto parsedEntity = entity != m.end() && entity->is_string()
                                  ? parseEnum<Entity>(entity->get<std::string>())
                                  : std::nullopt;
    if (!parsedEntity)
        return invalidAt(index, "'entity' must name a record type, e.g. \"progress_report\".");
    out.entity = *parsedEntity;

    const auto op = m.find("op");
    const auto parsedOp =
        op != m.end() && op->is_string() ? parseOp(op->get<std::string>()) : std::nullopt;
    if (!parsedOp)
        return invalidAt(index, "'op' must be create, update, transition or delete.");
    out.op = *parsedOp;

    const auto base = m.find("base_version");
    if (base == m.end() || !base->is_number_integer() || base->get<std::int64_t>() < 0)
        return invalidAt(index, "'base_version' must be an integer from 0.");
    out.baseVersion = base->get<std::int64_t>();

    const auto hlc = m.find("hlc");
    if (hlc == m.end() || !hlc->is_string() || hlc->get_ref<const std::string&>().empty() ||
        hlc->get_ref<const std::string&>().size() > kMaxHlcChars) {
        return invalidAt(index, "'hlc' must be the device's hybrid logical clock (a string).");
    }
    out.hlc = hlc->get<std::string>();

    const auto comment = m.find("comment");
    if (comment != m.end() && !comment->is_null()) {
        if (!comment->is_string() ||
            comment->get_ref<const std::string&>().size() > kMaxCommentBytes)
            return invalidAt(index, "'comment' must be a string of at most 2000 characters.");
        out.comment = comment->get<std::string>();
    }

    // `fields` carries data for create and update only; `transition` names the transition of a
    // transition only. Anything else is a client bug that must not pass silently.
    const bool carriesFields = out.op == WriteOp::create || out.op == WriteOp::update;
    if (carriesFields) {
        const auto fields = m.find("fields");
        if (fields == m.end() || !fields->is_object())
            return invalidAt(index, "'fields' must be an object for a create or an update.");
        if (out.op == WriteOp::update && fields->empty())
            return invalidAt(index, "an update must change at least one field.");
        out.fields = *fields;
    } else if (!isEmptyOrAbsent(m, "fields")) {
        return invalidAt(index, "'fields' belongs to create and update only.");
    }
    const auto transition = m.find("transition");
    if (out.op == WriteOp::transition) {
        const auto parsed = transition != m.end() && transition->is_string()
                                ? parseEnum<Transition>(transition->get<std::string>())
                                : std::nullopt;
        if (!parsed) {
            return invalidAt(index,
                             "'transition' must be submit, confirm, dispute, approve, return or "
                             "acknowledge.");
        }
        out.transition = parsed;
    } else if (transition != m.end() && !transition->is_null()) {
        return invalidAt(index, "'transition' belongs to op \"transition\" only.");
    }
    return out;
}

}  // namespace

std::string_view opName(WriteOp op) {
    switch (op) {
        case WriteOp::create:
            return "create";
        case WriteOp::update:
            return "update";
        case WriteOp::transition:
            return "transition";
        case WriteOp::remove:
            return "delete";
    }
    return "unknown";
}

Result<PushRequest> readPushRequest(const json& body, int maxMutations) {
    if (auto s = onlyFields(body, {"device", "mutations"}); !s)
        return s.error();
    auto device = requireString(body, "device", 36);
    if (!device)
        return device.error();
    const auto mutations = body.find("mutations");
    if (mutations == body.end() || !mutations->is_array())
        return makeError("invalid", "'mutations' must be an array.");
    if (mutations->size() > static_cast<std::size_t>(maxMutations)) {
        return makeError("payload_too_large", "a push carries at most " +
                                                  std::to_string(maxMutations) +
                                                  " mutations; send the rest in the next push.");
    }
    PushRequest request{device.value(), {}};
    request.mutations.reserve(mutations->size());
    for (std::size_t i = 0; i < mutations->size(); ++i) {
        auto mutation = readMutation((*mutations)[i], i);
        if (!mutation)
            return mutation.error();
        if (!request.mutations.empty() && mutation->n <= request.mutations.back().n)
            return invalidAt(i, "mutation numbers must increase, in the order they were made.");
        request.mutations.push_back(std::move(mutation).value());
    }
    return request;
}

}  // namespace duban::server
