#pragma once
// Instant Chinese search over project names, their units (with aliases) and scope text.
// Trigram FTS5 finds any substring of three characters or more; a bigram index finds the one- and
// two-character words that trigram alone cannot (冷链, 茶, 5G). See docs/decisions.md.
#include <string>
#include <string_view>
#include <vector>

#include "core/store/database.h"

namespace duban {

// Rewrites the search rows of one project from its current name, units and scope. Call inside
// the transaction that changed the project or its units.
void reindexProject(const Database& db, std::string_view projectId);
void reindexAllProjects(const Database& db);

// Overlapping character pairs of every word run, plus each run's last character alone, as
// space-separated tokens: "冷链物流" → "冷链 链物 物流 流".
[[nodiscard]] std::string bigramDocument(std::string_view text);

// One term of a user's query, as a condition on project.rowid.
struct SearchTerm {
    std::string_view sql;  // "p.rowid IN (SELECT rowid FROM … MATCH ?)"
    std::string match;     // the bound FTS5 expression
};
// Splits a query on whitespace (at most 6 terms); every term must match (AND).
[[nodiscard]] std::vector<SearchTerm> searchTerms(std::string_view query);

}  // namespace duban
