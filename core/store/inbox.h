#pragma once
// The inbox: what the server did not take from this device — mutations it rejected, and values
// that lost to a later edit from another device (conflicts). Nothing a user typed is dropped
// silently: it waits here until the user resubmits it (LocalStore::resolveInbox) or discards it,
// and a resolved item stays as the record of that decision.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/database.h"

namespace duban {

struct InboxItem {
    std::string id;
    std::string kind;  // rejected | conflict
    std::string entity;
    std::string recordId;
    nlohmann::json mutation;  // rejected: the mutation as sent; conflict: {field: losing value}
    std::string code;
    std::string message;
    std::optional<nlohmann::json> serverRecord;  // the server's record (or conflict) when known
    std::string createdAt;
    std::optional<std::string> resolvedAt;
    std::optional<std::string> resolution;  // resubmitted | discarded

    // The values the user typed that the server does not hold (empty for a transition).
    [[nodiscard]] nlohmann::json typedFields() const;
    [[nodiscard]] bool isOpen() const { return !resolvedAt.has_value(); }
};

enum class InboxFilter { open, all };

// Newest first. Paged: the inbox is shown a page at a time.
[[nodiscard]] std::vector<InboxItem> readInbox(const Database& db, InboxFilter filter, int limit,
                                               int offset = 0);
[[nodiscard]] std::optional<InboxItem> loadInboxItem(const Database& db, std::string_view id);
// Open (unresolved) items, by kind.
struct InboxCounts {
    int rejected = 0;
    int conflicts = 0;
    [[nodiscard]] int total() const { return rejected + conflicts; }
};
[[nodiscard]] InboxCounts countOpenInbox(const Database& db);
[[nodiscard]] inline int openInboxCount(const Database& db) {
    return countOpenInbox(db).total();
}
// Call inside the transaction that carries out the decision.
void markInboxResolved(const Database& db, std::string_view id, std::string_view resolution,
                       std::string_view at);

}  // namespace duban
