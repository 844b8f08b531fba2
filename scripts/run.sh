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
"$server" import --dry-run assets/seed | python3 -c '
import json, sys
r = json.load(sys.stdin)
for l in r["lists"]:
    money = f"  total {l[\"total_investment_wan\"]:,.0f}万元  plan {l[\"plan_investment_wan\"]:,.0f}万元" if "total_investment_wan" in l else ""
    print(f"  {l[\"code\"]:28} {l[\"items\"]:3} items{money}")
print(f"  {len(r[\"findings\"])} findings (full JSON: {sys.argv[1]} import --dry-run assets/seed)")
' "$server"

echo "== Starting the server (Ctrl-C stops it):"
exec "$server" serve --data duban-data --listen 127.0.0.1:8443 --seed assets/seed --demo
