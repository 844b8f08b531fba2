#include "tests/support/test_store.h"

#include <gtest/gtest.h>

#include <random>

#include "core/seed/importer.h"
#include "core/seed/seed_files.h"

namespace duban::test {

TempDir::TempDir() {
    std::random_device random;
    m_path = std::filesystem::temp_directory_path() /
             ("duban-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

std::unique_ptr<LocalStore> openSeededStore(const std::filesystem::path& file, const Clock& clock) {
    auto store = LocalStore::open(file, clock, "device-test");
    if (!store)
        throw std::runtime_error(store.error().message);
    auto seed = seed::readSeed(DUBAN_SEED_DIR);
    if (!seed)
        throw std::runtime_error(seed.error().message);
    UuidGenerator ids(clock);
    auto imported = seed::importSeed(store.value()->database(), seed.value(), ids);
    if (!imported)
        throw std::runtime_error(imported.error().message);
    return std::move(store).value();
}

std::string unitIdByName(const LocalStore& store, const std::string& name) {
    Statement s = store.database().prepare("SELECT id FROM unit WHERE name = ?");
    s.bindAll(name);
    if (!s.step())
        throw std::runtime_error("no unit " + name);
    return s.text(0);
}

std::string projectIdByCode(const LocalStore& store, const std::string& code) {
    Statement s = store.database().prepare("SELECT id FROM project WHERE code = ?");
    s.bindAll(code);
    if (!s.step())
        throw std::runtime_error("no project " + code);
    return s.text(0);
}

Actor reporterOf(const LocalStore& store, const std::string& projectId) {
    Statement s = store.database().prepare(
        "SELECT unit_id FROM project_unit WHERE project_id = ? AND role IN "
        "('lead','responsible') ORDER BY role = 'responsible', ord LIMIT 1");
    s.bindAll(projectId);
    if (!s.step())
        throw std::runtime_error("no responsible unit for " + projectId);
    return Actor{"field-" + s.text(0), Role::field, s.text(0), {}};
}

std::string fileReport(LocalStore& store, ManualClock& clock, std::int64_t atMs,
                       ProgressReport report, bool submit) {
    clock.set(atMs);
    const Actor author = reporterOf(store, report.projectId);
    const auto saved = store.saveReport(author, std::move(report));
    if (!saved)
        throw std::runtime_error(saved.error().message);
    if (submit) {
        const Status submitted =
            store.transition(author, Entity::progress_report, saved->id, Transition::submit);
        if (!submitted)
            throw std::runtime_error(submitted.error().message);
    }
    return saved->id;
}

}  // namespace duban::test
