#pragma once
// The store's schema. The record tables are the same on every device and on the server (the
// server adds its own tables); the client adds its outbox, inbox and sync state.
#include <span>

#include "core/store/migrations.h"

namespace duban {

// Migration steps of a device's local store, oldest first.
[[nodiscard]] std::span<const Migration> localStoreMigrations();
// The record tables alone (the server's first migration uses them too).
[[nodiscard]] const Migration& recordTablesMigration();
// The project search index (the server keeps one too: the importer maintains it).
[[nodiscard]] const Migration& searchTablesMigration();
// The warning letters' columns (文号, deadline, finding), on the server too.
[[nodiscard]] const Migration& warningLettersMigration();

}  // namespace duban
