#!/usr/bin/env bash
# The README's main command: installs what is missing, builds, checks the seed, starts the server
# on its embedded default (SQLite in ./duban-data) with the seed data and one demo account per
# role, and opens the app signed in to it as demo-field. With no display it says so and leaves
# the server running, with how to connect. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh dev
server=build/dev/server/duban-server
app=build/dev/platforms/linux/duban
data=duban-data
url=https://127.0.0.1:8443

echo "== The seed (assets/seed), checked against the notice's printed totals:"
"$server" import --dry-run assets/seed | python3 scripts/seed_summary.py

# One password for the demo accounts, made on the first run and kept (0600) for the next ones.
mkdir -p "$data"
if [[ -z "${DUBAN_DEMO_PASSWORD:-}" ]]; then
  if [[ ! -s "$data/demo-password" ]]; then
    (umask 077 && python3 -c 'import secrets; print("demo-" + secrets.token_urlsafe(9))' >"$data/demo-password")
  fi
  DUBAN_DEMO_PASSWORD=$(cat "$data/demo-password")
fi
export DUBAN_DEMO_PASSWORD

echo "== Starting the server:"
"$server" serve --data "$data" --listen 127.0.0.1:8443 --seed assets/seed --demo &
server_pid=$!
app_pid=
trap 'kill $server_pid ${app_pid:-} 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 100); do
  if curl -sf --cacert "$data/tls/ca.crt" "$url/v1/health" >/dev/null 2>&1; then break; fi
  kill -0 $server_pid 2>/dev/null || { echo "run: the server did not start" >&2; exit 1; }
  sleep 0.2
done

cat <<TEXT
== Duban is serving on $url (CA: $data/tls/ca.crt)
   Demo accounts, all with the password $DUBAN_DEMO_PASSWORD:
     demo-field       外勤：市科工信局       visits, monthly reports (e.g. 5G基站建设)
     demo-enterprise  企业：中国移动吉首分公司 confirms or disputes the 算力 tasks' reports
     demo-supervisor  督查：市发改局         approves or returns, in bulk
     demo-admin       管理员
TEXT

if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  echo "== Opening the app, signed in as demo-field (its data: duban-devices/demo-field)"
  DUBAN_PASSWORD=$DUBAN_DEMO_PASSWORD "$app" --data duban-devices/demo-field --server "$url" \
    --ca "$data/tls/ca.crt" --username demo-field &
  app_pid=$!
else
  cat <<TEXT
== No display here (DISPLAY and WAYLAND_DISPLAY are unset), so the app is not opened.
   On a desktop:  $app --server $url --ca $data/tls/ca.crt --username demo-field
   Headless:      build/dev/sync/duban-client login --server $url --ca $data/tls/ca.crt --username demo-field
TEXT
fi
echo "== Ctrl-C stops the server."
wait $server_pid
