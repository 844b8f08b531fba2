#include "core/store/inbox.h"

namespace duban {
namespace {

using nlohmann::json;

#define DUBAN_INBOX_COLUMNS                                                                    \
    "SELECT id, kind, entity, record_id, mutation, code, message, server_record, created_at, " \
    "resolved_at, resolution FROM inbox "
// Fixed statements (the index inbox_open serves the open page).
constexpr const char* kOpenPage = DUBAN_INBOX_COLUMNS
    "WHERE resolved_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
constexpr const char* kAllPage =
    DUBAN_INBOX_COLUMNS "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
constexpr const char* kById = DUBAN_INBOX_COLUMNS "WHERE id = ?";
#undef DUBAN_INBOX_COLUMNS

InboxItem readItem(const Statement& s) {
    InboxItem item;
    item.id = s.text(0);
    item.kind = s.text(1);
    item.entity = s.text(2);
    item.recordId = s.text(3);
    item.mutation = json::parse(s.text(4), nullptr, false);
    item.code = s.text(5);
    item.message = s.text(6);
    if (const auto record = s.optionalText(7))
        item.serverRecord = json::parse(*record, nullptr, false);
    item.createdAt = s.text(8);
    item.resolvedAt = s.optionalText(9);
    item.resolution = s.optionalText(10);
    return item;
}

}  // namespace

json InboxItem::typedFields() const {
    if (kind == "conflict")
        return mutation.is_object() ? mutation : json::object();
    if (mutation.is_object() && mutation.contains("fields") && mutation["fields"].is_object())
        return mutation["fields"];
    return json::object();
}

std::vector<InboxItem> readInbox(const Database& db, InboxFilter filter, int limit, int offset) {
    Statement s = db.prepare(filter == InboxFilter::open ? kOpenPage : kAllPage);
    s.bindAll(limit, offset);
    std::vector<InboxItem> items;
    while (s.step())
        items.push_back(readItem(s));
    return items;
}

std::optional<InboxItem> loadInboxItem(const Database& db, std::string_view id) {
    Statement s = db.prepare(kById);
    s.bindAll(std::string(id));
    if (!s.step())
        return std::nullopt;
    return readItem(s);
}

InboxCounts countOpenInbox(const Database& db) {
    Statement s = db.prepare(
        "SELECT count(*) FILTER (WHERE kind = 'rejected'), "
        "count(*) FILTER (WHERE kind = 'conflict') FROM inbox WHERE resolved_at IS NULL");
    s.step();
    return {s.integer(0), s.integer(1)};
}

void markInboxResolved(const Database& db, std::string_view id, std::string_view resolution,
                       std::string_view at) {
    db.prepare("UPDATE inbox SET resolved_at = ?, resolution = ? WHERE id = ?")
        .bindAll(std::string(at), std::string(resolution), std::string(id))
        .run();
}

}  // namespace duban
