#include "core/store/search_index.h"

#include "core/util/utf8.h"

namespace duban {
namespace {

constexpr std::string_view kTrigramTerm =
    "p.rowid IN (SELECT rowid FROM project_search WHERE project_search MATCH ?)";
constexpr std::string_view kBigramTerm =
    "p.rowid IN (SELECT rowid FROM project_search_bigram WHERE project_search_bigram MATCH ?)";
constexpr std::size_t kMaxTerms = 6;

// An FTS5 string literal: the term is matched as text, never parsed as query syntax.
std::string ftsString(std::string_view term) {
    std::string out = "\"";
    for (char c : term) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

}  // namespace

std::string bigramDocument(std::string_view text) {
    std::string document;
    std::vector<std::string> run;
    auto flush = [&] {
        for (std::size_t i = 0; i + 1 < run.size(); ++i) {
            document += run[i] + run[i + 1] + ' ';
        }
        if (!run.empty())
            document += run.back() + ' ';
        run.clear();
    };
    for (std::string& character : utf8Characters(text)) {
        if (isWordCharacter(character)) {
            run.push_back(std::move(character));
        } else {
            flush();
        }
    }
    flush();
    return document;
}

std::vector<SearchTerm> searchTerms(std::string_view query) {
    std::vector<SearchTerm> terms;
    std::vector<std::string> words;
    std::string word;
    for (std::string& character : utf8Characters(query)) {
        if (character == " " || character == "\t" || character == "\xe3\x80\x80" /* 全角空格 */) {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word += character;
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));

    for (const std::string& w : words) {
        if (terms.size() == kMaxTerms)
            break;
        const std::vector<std::string> characters = utf8Characters(w);
        if (characters.size() >= 3) {
            terms.push_back({kTrigramTerm, ftsString(w)});
            continue;
        }
        // Short words: punctuation inside cannot match a bigram token; keep word characters.
        std::string letters;
        for (const auto& c : characters) {
            if (isWordCharacter(c))
                letters += c;
        }
        if (letters.empty())
            continue;
        const bool single = utf8Length(letters) == 1;
        terms.push_back({kBigramTerm, single ? ftsString(letters) + " *" : ftsString(letters)});
    }
    return terms;
}

void reindexProject(const Database& db, std::string_view projectId) {
    Statement source = db.prepare(R"sql(
        SELECT p.rowid, p.name, p.scope,
               (SELECT group_concat(names, ' ') FROM (
                    SELECT u.name AS names FROM project_unit pu JOIN unit u ON u.id = pu.unit_id
                     WHERE pu.project_id = p.id
                    UNION ALL
                    SELECT a.alias FROM project_unit pu JOIN unit_alias a ON a.unit_id = pu.unit_id
                     WHERE pu.project_id = p.id))
          FROM project p WHERE p.id = ?)sql");
    source.bindAll(projectId);
    if (!source.step())
        return;
    const std::int64_t rowid = source.int64(0);
    const std::string name = source.text(1);
    const std::string scope = source.text(2);
    const std::string units = source.text(3);

    db.prepare("DELETE FROM project_search WHERE rowid = ?").bindAll(rowid).run();
    db.prepare("DELETE FROM project_search_bigram WHERE rowid = ?").bindAll(rowid).run();
    db.prepare("INSERT INTO project_search(rowid, name, units, scope) VALUES (?, ?, ?, ?)")
        .bindAll(rowid, name, units, scope)
        .run();
    db.prepare("INSERT INTO project_search_bigram(rowid, grams) VALUES (?, ?)")
        .bindAll(rowid, bigramDocument(name + " " + units + " " + scope))
        .run();
}

void reindexAllProjects(const Database& db) {
    Statement ids = db.prepare("SELECT id FROM project");
    while (ids.step())
        reindexProject(db, ids.text(0));
}

}  // namespace duban
