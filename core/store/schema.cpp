#include "core/store/schema.h"

#include <array>

namespace duban {
namespace {

// Every record carries `version` (the server's version; 0 until the server has seen it) so a
// change can name the version it was based on. Money is integer yuan.
constexpr std::string_view kRecordTables = R"sql(
CREATE TABLE unit (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('department','township','enterprise','platform_company','utility','group')),
  parent_id TEXT REFERENCES unit(id),
  version INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE unit_alias (
  alias TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES unit(id) ON DELETE CASCADE
);
CREATE INDEX unit_alias_by_unit ON unit_alias(unit_id);

CREATE TABLE user (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('field','enterprise','supervisor','admin')),
  unit_id TEXT REFERENCES unit(id),
  phone TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE list (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('investment_project','work_task')),
  plan TEXT NOT NULL DEFAULT '',
  year INTEGER
);

CREATE TABLE project (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('investment_project','work_task')),
  category TEXT NOT NULL DEFAULT '',
  start_year INTEGER,
  end_year INTEGER,
  stage TEXT NOT NULL DEFAULT '',
  scope TEXT NOT NULL DEFAULT '',
  industry_chain TEXT NOT NULL DEFAULT '',
  funding_sources TEXT NOT NULL DEFAULT '[]',
  total_investment INTEGER,
  completed_before INTEGER,
  plan_year INTEGER,
  plan_investment INTEGER,
  plan_content TEXT NOT NULL DEFAULT '',
  remarks TEXT NOT NULL DEFAULT '',
  lat REAL,
  lon REAL,
  -- derived from approved reports, never typed
  completed_this_year INTEGER NOT NULL DEFAULT 0,
  warning_level INTEGER NOT NULL DEFAULT 0 CHECK (warning_level BETWEEN 0 AND 3),
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX project_by_category ON project(category, name);
CREATE INDEX project_by_stage ON project(stage, name);
CREATE INDEX project_by_warning ON project(warning_level DESC, name);
CREATE INDEX project_by_name ON project(name);
CREATE INDEX project_by_investment ON project(total_investment DESC);

CREATE TABLE project_unit (
  project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  unit_id TEXT NOT NULL REFERENCES unit(id),
  role TEXT NOT NULL CHECK (role IN ('lead','responsible','located')),
  ord INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, unit_id, role)
) WITHOUT ROWID;
CREATE INDEX project_unit_by_unit ON project_unit(unit_id, role, project_id);

CREATE TABLE project_list (
  project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  list_code TEXT NOT NULL REFERENCES list(code),
  no INTEGER NOT NULL,
  group_label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (project_id, list_code)
) WITHOUT ROWID;
CREATE INDEX project_list_by_list ON project_list(list_code, no);

CREATE TABLE milestone (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  title TEXT NOT NULL,
  due_date TEXT NOT NULL,
  target_value REAL,
  target_unit TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','achieved')),
  version INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, ord)
);
CREATE INDEX milestone_by_due ON milestone(due_date, status);

CREATE TABLE progress_report (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES project(id),
  period TEXT NOT NULL,
  milestone_id TEXT REFERENCES milestone(id),
  investment INTEGER,
  percent_complete INTEGER CHECK (percent_complete BETWEEN 0 AND 100),
  narrative TEXT NOT NULL DEFAULT '',
  problems TEXT NOT NULL DEFAULT '',
  coordination TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','submitted','confirmed','returned','approved')),
  author_id TEXT NOT NULL,
  device_id TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX progress_report_by_project ON progress_report(project_id, period DESC);
CREATE INDEX progress_report_by_state ON progress_report(state, period);

CREATE TABLE site_visit (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES project(id),
  visited_at TEXT NOT NULL,
  utc_offset_minutes INTEGER NOT NULL DEFAULT 480,
  lat REAL,
  lon REAL,
  accuracy_m REAL,
  position_source TEXT CHECK (position_source IN ('gps','manual')),
  notes TEXT NOT NULL DEFAULT '',
  people_met TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','submitted','confirmed','returned','approved')),
  author_id TEXT NOT NULL,
  device_id TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX site_visit_by_project ON site_visit(project_id, visited_at DESC);

CREATE TABLE photo (
  id TEXT PRIMARY KEY,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('site_visit','progress_report')),
  owner_id TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  thumbnail_sha256 TEXT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  taken_at TEXT,
  lat REAL,
  lon REAL,
  caption TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX photo_by_owner ON photo(owner_id);

CREATE TABLE review (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirm','dispute','approve','return','acknowledge')),
  target_kind TEXT NOT NULL,
  target_id TEXT NOT NULL,
  target_version INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX review_by_target ON review(target_id, at);

CREATE TABLE warning (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES project(id),
  milestone_id TEXT REFERENCES milestone(id),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
  reason TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  acknowledged_at TEXT,
  version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX warning_by_project ON warning(project_id, issued_at DESC);
)sql";

// A device's unsynced changes. `n` is the device's mutation number: AUTOINCREMENT never reuses
// a number, and a rolled-back edit rolls its number back too, so numbers have no gaps.
constexpr std::string_view kClientSync = R"sql(
CREATE TABLE outbox (
  n INTEGER PRIMARY KEY AUTOINCREMENT,
  mid TEXT NOT NULL UNIQUE,
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('create','update','transition','delete')),
  base_version INTEGER NOT NULL,
  fields TEXT NOT NULL DEFAULT '{}',
  transition TEXT,
  comment TEXT NOT NULL DEFAULT '',
  hlc TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX outbox_by_record ON outbox(record_id);

-- Mutations the server rejected, and values that lost a concurrent edit: the user decides.
CREATE TABLE inbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('rejected','conflict')),
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  mutation TEXT NOT NULL,
  code TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  server_record TEXT,
  created_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT
);
CREATE INDEX inbox_open ON inbox(resolved_at, created_at);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Chinese search: trigram for queries of three characters or more, and a bigram index (each
// bigram one token) for the one- and two-character words users type most (冷链, 酒鬼).
constexpr std::string_view kSearch = R"sql(
CREATE VIRTUAL TABLE project_search USING fts5(name, units, scope, tokenize = 'trigram');
CREATE VIRTUAL TABLE project_search_bigram USING fts5(grams, tokenize = 'unicode61');
)sql";

// Photo bytes waiting to reach the server (design.md §6), one row per blob: the photo and its
// thumbnail are separate blobs. The tus location is kept so an upload resumes after a restart;
// `upload_offset` is the last offset the server confirmed (the server's HEAD is what counts).
// A 'failed' blob was refused by the server for its content: the user sees the message.
constexpr std::string_view kBlobUploads = R"sql(
CREATE TABLE blob_upload (
  sha256 TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('photo','thumbnail')),
  size INTEGER NOT NULL CHECK (size > 0),
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','uploading','done','failed')),
  location TEXT,
  upload_offset INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  error_code TEXT,
  error_message TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX blob_upload_waiting ON blob_upload(created_at) WHERE state IN ('pending','uploading');
)sql";

// The supervisor's queue lists visits by state, as reports already are (progress_report_by_state).
constexpr std::string_view kReviewQueue = R"sql(
CREATE INDEX site_visit_by_state ON site_visit(state, visited_at);
)sql";

// The sync panel lists refused photo files.
constexpr std::string_view kFailedUploads = R"sql(
CREATE INDEX blob_upload_failed ON blob_upload(updated_at) WHERE state = 'failed';
)sql";

// Warning letters (督办函): the finding a letter came from, its 文号 and the deadline to correct,
// and the open (unacknowledged) letters newest first.
constexpr std::string_view kWarningLetters = R"sql(
ALTER TABLE warning ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
ALTER TABLE warning ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE warning ADD COLUMN correct_by TEXT;
CREATE INDEX warning_open ON warning(issued_at DESC, id) WHERE acknowledged_at IS NULL;
)sql";

constexpr std::array kLocalMigrations{
    Migration{1, "records", kRecordTables},
    Migration{2, "outbox, inbox and sync state", kClientSync},
    Migration{3, "project search", kSearch},
    Migration{4, "blob uploads", kBlobUploads},
    Migration{5, "review queue index", kReviewQueue},
    Migration{6, "failed uploads index", kFailedUploads},
    Migration{7, "warning letters", kWarningLetters},
};

}  // namespace

std::span<const Migration> localStoreMigrations() {
    return kLocalMigrations;
}
const Migration& recordTablesMigration() {
    return kLocalMigrations[0];
}

const Migration& searchTablesMigration() {
    return kLocalMigrations[2];
}

const Migration& warningLettersMigration() {
    return kLocalMigrations[6];
}

}  // namespace duban
