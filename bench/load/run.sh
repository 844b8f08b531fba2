#!/usr/bin/env bash
# The server under load (issues 6 and 15): 500, 1,000 and 2,000 simulated devices syncing at
# once against one duban-server on this machine; 10,000 devices waiting on a long-polling pull
# for one change (live_bench); GET /v1/health under 1,000 idle and 200 slow-header connections
# (flood_bench). Writes RESULTS/load.json (bench/report.py renders it into docs/performance.md).
# Self-contained: starts and stops its server, removes its scratch folder. Sizes and run counts:
# bench/README.md "Server under load".
#
#   bench/load/run.sh [RESULTS_DIR]     (default build/bench-results)
#
# Knobs: DEVICES ("500 1000 2000", all starting at the same instant), SPREAD_DEVICES ("500") and
# SPREAD_MS (10000: those start at random instants within 10 s), RUNS (5), ROUNDS (2 push+pull
# per device and run), MUTATIONS (3 per push), SERVER_THREADS (the server's default, 8),
# LIVE_DEVICES ("10000"; empty: none), LIVE_RUNS (3), FLOOD (1; 0: none), DUBAN_BUILD_DIR.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${DUBAN_BUILD_DIR:-$ROOT/build/release}
RESULTS=$(mkdir -p "${1:-$ROOT/build/bench-results}" && cd "${1:-$ROOT/build/bench-results}" && pwd)
DEVICES=${DEVICES-500 1000 2000}
SPREAD_DEVICES=${SPREAD_DEVICES-500}
SPREAD_MS=${SPREAD_MS:-10000}
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-2}
MUTATIONS=${MUTATIONS:-3}
SERVER_THREADS=${SERVER_THREADS:-8}
LIVE_DEVICES=${LIVE_DEVICES-10000}
LIVE_RUNS=${LIVE_RUNS:-3}
FLOOD=${FLOOD:-1}
BENCH=$BUILD/bench/load/load_bench

# shellcheck source=bench/photos/server.sh
source "$ROOT/bench/photos/server.sh"
[ -x "$BENCH" ] || { echo "no $BENCH: build the release preset first" >&2; exit 1; }

MACHINE=$(machine_json)
# A cheaper scrypt and no sign-in throttle: the 2,000 accounts sign in before the timed runs and
# sign-ins are not what is measured. Everything else is the default (threads unless told).
# Every device connects from 127.0.0.1: the per-address cap is lifted to the overall one.
bench_scratch load "{\"scrypt_n\": 16384, \"login_attempts_per_minute_per_address\": 1000000,
  \"threads\": $SERVER_THREADS, \"max_connections_per_address\": 20000}"
SERVER_PID=
cleanup() {
    stop_pid "$SERVER_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT

# Every device is a connection: 2,000 of them need file descriptors on both ends.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -ge 4500 ] || echo "warning: ulimit -n is $(ulimit -n); 2,000 devices need more than 4,000" >&2

echo "load: duban-server first start (seed import)"
start_duban_server "$DATA" "$CONFIG" "$LOG"
run_size() { # run_size N SPREAD_MS
    # Afresh for each size, so its peak memory is this size's.
    stop_pid "$SERVER_PID"
    start_duban_server "$DATA" "$CONFIG" "$LOG"
    echo "load: $1 devices (spread over $2 ms), $RUNS runs"
    "$BENCH" --server "$SERVER_URL" --ca "$SERVER_CA" --admin-password "$DUBAN_ADMIN_PASSWORD" \
        --devices "$1" --runs "$RUNS" --rounds "$ROUNDS" --mutations "$MUTATIONS" \
        --spread-ms "$2" --server-pid "$SERVER_PID" >>"$SAMPLES"
}
for n in $DEVICES; do
    run_size "$n" 0
done
for n in $SPREAD_DEVICES; do
    run_size "$n" "$SPREAD_MS"
done
if [ "$FLOOD" != 0 ]; then
    stop_pid "$SERVER_PID"
    start_duban_server "$DATA" "$CONFIG" "$LOG"
    echo "load: health under 1,000 idle + 200 slow-header connections"
    "$BUILD/bench/load/flood_bench" --server "$SERVER_URL" --ca "$SERVER_CA" \
        --idle 1000 --slow 200 --samples 300 >>"$SAMPLES"
fi
for n in $LIVE_DEVICES; do
    # 10,000 sign-ins are set-up, not what is measured: a cheap scrypt for them.
    stop_pid "$SERVER_PID"
    LIVE_CONFIG=$WORK/live.json
    python3 -c "import json, sys; c = json.load(open(sys.argv[1])); c['scrypt_n'] = 1024; json.dump(c, open(sys.argv[2], 'w'))" \
        "$CONFIG" "$LIVE_CONFIG"
    start_duban_server "$DATA" "$LIVE_CONFIG" "$LOG"
    echo "load: $n devices waiting for one change, $LIVE_RUNS runs"
    "$BUILD/bench/load/live_bench" --server "$SERVER_URL" --ca "$SERVER_CA" \
        --admin-password "$DUBAN_ADMIN_PASSWORD" --devices "$n" --runs "$LIVE_RUNS" \
        --server-pid "$SERVER_PID" >>"$SAMPLES"
done

VERSIONS=$(python3 -c "import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))" \
    duban "$(git -C "$ROOT" describe --always --dirty)" \
    libcurl "$(curl --version | head -1 | cut -d' ' -f2)" \
    cpp-httplib "$(pkg-config --modversion cpp-httplib 2>/dev/null || echo unknown)" \
    sqlite "$(pkg-config --modversion sqlite3 2>/dev/null || echo unknown)")
python3 - "$WORK/meta.json" "$MACHINE" "$VERSIONS" "$RUNS" "$ROUNDS" "$MUTATIONS" "$SERVER_THREADS" <<'EOF'
import json, sys
out, machine, versions, runs, rounds, mutations, threads = sys.argv[1:]
json.dump({
    "title": "Server under load: devices syncing at once, waiting for changes, and floods",
    "command": "bench/load/run.sh RESULTS_DIR (or scripts/bench.sh)",
    "machine": json.loads(machine), "versions": json.loads(versions),
    "notes": [
        f"Each device: its own account (role field; devices spread round robin over the 67 seed "
        f"units that lead or answer for a project, writing visits on such a project), token, "
        f"device id and TLS connection (no TLS session shared). All start at the same instant "
        f"(or, where said, at random instants within a window); each makes {rounds} rounds of "
        f"POST /v1/sync/push ({mutations} new site visits) then GET /v1/sync/pull from its cursor "
        f"until nothing more, then closes its connection. {runs} runs per size.",
        "Latency: per request, from handing it to libcurl to its last byte — a device's first "
        "request includes its TCP connect and TLS handshake, and any wait for a server thread. "
        "'On an open connection' counts only the requests after a device's first.",
        "Errors: transport failures, statuses other than 200, and pushed mutations not applied.",
        "Load generator (one thread, libcurl multi) and server share the machine's 2 cores.",
        f"Server: defaults ({threads} HTTP threads) except scrypt_n 2^14 (2^10 for the waiting "
        "devices' 10,000 sign-ins), no sign-in throttle, and the per-address connection cap "
        "lifted (every device is 127.0.0.1); accounts are made and signed in before the timed "
        "runs (not measured). Peak memory: VmHWM of a duban-server started afresh for each size, "
        "after its runs.",
        "Waiting devices (live_bench): each its own token, device id and TLS connection, holding "
        "GET /v1/sync/pull?after=HEAD&limit=1&wait=30 (asked again at once when a wait runs "
        "out, as the app does), 1,000 more connecting each second; 3 s after the last is "
        "parked the server's VmRSS and threads are read, then the admin adds a unit — a change "
        "every device may see. 'Heard' is the time from the admin's request to each device's "
        "answer carrying it.",
        "Flood (flood_bench): 1,000 TCP connections that never send a byte and 200 TLS "
        "connections that send a request header one byte every 2 s, each replaced as soon as "
        "the server closes it at its deadline (handshake 10 s, whole header 10 s); meanwhile "
        "300 GET /v1/health, each on a new connection (TCP + TLS + request), 20 ms apart — and "
        "the same 300 before the flood, in the same run.",
    ]}, open(out, "w"))
EOF
python3 "$ROOT/bench/photos/results.py" load "$SAMPLES" "$RESULTS/load.json" "$WORK/meta.json"
echo "load: wrote $RESULTS/load.json"
