#pragma once
// Writes a generated dataset into a stopped server's database through the server's own code:
// the seed importer for projects and milestones, the record rows and change log the push path
// writes for reports, visits and photos, appendReview for reviews. A device then pulls it as it
// would pull a city's history.
#include <filesystem>
#include <ostream>

#include "bench/dataset/dataset.h"
#include "core/store/database.h"

namespace duban::bench {

struct ServerWriteOptions {
    double scale = 1.0;
    std::uint64_t seed = 20221127;
    std::filesystem::path seedDir;  // the real seed (assets/seed), imported with the projects
    std::string authorUsername = "admin";  // whose reports and visits they are
};

// Returns the counts written. Runs in transactions of about 50,000 rows.
DatasetCounts writeServerDataset(const Database& db, const ServerWriteOptions& options);

// Every record a supervisor who sees everything would pull, as the pull sends it (the server's
// record views), one JSON document per line with "_id" and "entity" added: the same documents
// for the CouchDB peer. Returns how many were written.
std::int64_t exportDocuments(const Database& db, std::ostream& out);

}  // namespace duban::bench
