#include "server/db/server_schema.h"

#include <array>

#include "core/store/schema.h"
#include "server/blobs/blob_schema.h"

namespace duban::server {
namespace {

constexpr std::string_view kServerTables = R"sql(
-- Passwords and sign-in state; the user record itself is a shared record table.
CREATE TABLE account (
  user_id TEXT PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  supervised_units TEXT NOT NULL DEFAULT '[]',
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  password_changed_at TEXT
);

-- Per-device bearer tokens, stored as SHA-256 of the token: a stolen database opens no session.
CREATE TABLE token (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE INDEX token_by_user ON token(user_id, revoked_at);

-- Exactly-once: the last mutation number applied per device, and each mutation's stored result,
-- both written in the transaction that applied it.
CREATE TABLE device (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user(id),
  last_n INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE mutation_result (
  device_id TEXT NOT NULL,
  n INTEGER NOT NULL,
  mid TEXT NOT NULL,
  result TEXT NOT NULL,
  PRIMARY KEY (device_id, n)
) WITHOUT ROWID;

-- The change log pulls read: one row per record, moved to a new seq on every change. project_id
-- decides who may see it; owner_id restricts a row to one user (conflicts); deleted = tombstone.
CREATE TABLE change (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  project_id TEXT,
  owner_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 0,
  UNIQUE (entity, record_id)
);
CREATE INDEX change_by_project ON change(project_id, seq);
CREATE INDEX change_by_owner ON change(owner_id, seq);

-- Which device produced each version of a record, and the version at which each field last
-- changed: a transition binds to the version it names; a field edited concurrently is a conflict.
CREATE TABLE record_version (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (entity, record_id, version)
) WITHOUT ROWID;
CREATE TABLE field_version (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  version INTEGER NOT NULL,
  device_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (entity, record_id, field)
) WITHOUT ROWID;

-- A value that lost a concurrent edit, kept for its author: nothing typed is dropped silently.
CREATE TABLE conflict (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  field TEXT NOT NULL,
  losing_value TEXT NOT NULL,
  winning_value TEXT NOT NULL,
  author_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  winner_mid TEXT NOT NULL,
  at TEXT NOT NULL
);

-- Resumable uploads (tus) and the content-addressed blobs they become.
CREATE TABLE upload (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  length INTEGER NOT NULL,
  offset INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX upload_by_expiry ON upload(expires_at);
CREATE TABLE blob (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only: who did what, when, from which device, with what result. Nobody edits it.
CREATE TABLE audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT,
  device_id TEXT,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}',
  remote_addr TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_actor ON audit(actor_id, seq);
CREATE INDEX audit_by_action ON audit(action, seq);
CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Server settings that must survive restarts (scope epoch, seed import state).
CREATE TABLE server_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// A 文号 names one letter: the server refuses a second letter with the same number.
constexpr std::string_view kWarningNumbers = R"sql(
CREATE UNIQUE INDEX warning_by_number ON warning(number) WHERE number <> '';
)sql";

const std::array<Migration, 6> kMigrations{
    Migration{1, "records", recordTablesMigration().sql},
    Migration{2, "accounts, sync bookkeeping, uploads, audit", kServerTables},
    Migration{3, "project search", searchTablesMigration().sql},
    Migration{4, "blob holders, photo lookups by sha256", blobTablesSql()},
    Migration{5, "warning letters", warningLettersMigration().sql},
    Migration{6, "warning numbers are unique", kWarningNumbers},
};

}  // namespace

std::span<const Migration> serverMigrations() {
    return kMigrations;
}

}  // namespace duban::server
