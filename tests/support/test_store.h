#pragma once
// Test fixtures made at test time: a temporary folder, and a real local store file loaded with the
// real seed data.
#include <filesystem>
#include <memory>
#include <string>

#include "core/rules/access.h"
#include "core/store/local_store.h"
#include "core/util/clock.h"

namespace duban::test {

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path file(const std::string& name) const {
        return m_path / name;
    }

private:
    std::filesystem::path m_path;
};

inline constexpr std::int64_t kJuly1st2022 = 1656633600000;  // 2022-07-01T00:00:00Z

// Opens a store in `file` and imports assets/seed into it.
std::unique_ptr<LocalStore> openSeededStore(const std::filesystem::path& file, const Clock& clock);

// Lookups in a seeded store.
std::string unitIdByName(const LocalStore& store, const std::string& name);
std::string projectIdByCode(const LocalStore& store, const std::string& code);

// A field officer of the project's lead (else first responsible) unit: who files its reports.
Actor reporterOf(const LocalStore& store, const std::string& projectId);

// Files `report` as reporterOf(its project) at `atMs` on `clock`: saved, then submitted unless
// `submit` is false. Returns its id; throws if the store refuses.
std::string fileReport(LocalStore& store, ManualClock& clock, std::int64_t atMs,
                       ProgressReport report, bool submit = true);

}  // namespace duban::test
