#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, checks the seed, and starts the
# server on its embedded default (SQLite in ./duban-data) with the seed data and one demo account
# per role (their passwords are printed). The app joins here when it exists (issue 5).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh dev
server=build/dev/server/duban-server

echo "== The seed (assets/seed), checked against the notice's printed totals:"
"$server" import --dry-run assets/seed | python3 scripts/seed_summary.py

echo "== Starting the server (Ctrl-C stops it):"
exec "$server" serve --data duban-data --listen 127.0.0.1:8443 --seed assets/seed --demo
