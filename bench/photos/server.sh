# shellcheck shell=bash
# Shell helpers shared by bench/photos/run.sh and bench/load/run.sh (sourced, not run):
# a duban-server child process on a free loopback port, its peak memory, the machine.
# Expects BUILD (the build folder) and ROOT (the repository) to be set.

# bench_scratch NAME CONFIG_JSON: a scratch folder WORK (/tmp/duban-bench-NAME.*) with the
# server's CONFIG file, its DATA folder and LOG, an empty SAMPLES file; the admin's password.
bench_scratch() {
    WORK=$(mktemp -d "/tmp/duban-bench-$1.XXXXXX")
    CONFIG=$WORK/server.json
    printf '%s\n' "$2" >"$CONFIG"
    DATA=$WORK/data
    LOG=$WORK/server.log
    SAMPLES=$WORK/samples.jsonl
    : >"$SAMPLES"
    export DUBAN_ADMIN_PASSWORD=bench-admin-password
}

# free_port: a TCP port nothing listens on now.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_duban_server DATA CONFIG LOG: starts `duban-server serve` (first start: the admin's
# password from DUBAN_ADMIN_PASSWORD, the seed imported); sets SERVER_PID, SERVER_URL, SERVER_CA
# once /v1/health answers.
start_duban_server() {
    local data=$1 config=$2 log=$3 port
    port=$(free_port)
    "$BUILD/server/duban-server" serve --data "$data" --listen "127.0.0.1:$port" \
        --seed "$ROOT/assets/seed" --config "$config" >>"$log" 2>&1 &
    SERVER_PID=$!
    SERVER_URL="https://127.0.0.1:$port"
    SERVER_CA="$data/tls/ca.crt"
    for _ in $(seq 1 600); do
        if [ -f "$SERVER_CA" ] && curl -sf --cacert "$SERVER_CA" "$SERVER_URL/v1/health" >/dev/null; then
            return 0
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "duban-server did not start; see $log" >&2; return 1; }
        sleep 0.1
    done
    echo "duban-server did not answer in 60 s; see $log" >&2
    return 1
}

# stop_pid PID: SIGTERM, and wait for it.
stop_pid() {
    [ -n "${1:-}" ] || return 0
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# vmhwm_mib PID: the process's peak resident memory, in MiB.
vmhwm_mib() {
    awk '/^VmHWM:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"
}

# machine_json: {"cpu", "cores", "memory", "os", "load_before"} of this machine, now.
machine_json() {
    python3 - <<'EOF'
import json, os, platform, re
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1)) // (1024 * 1024)
osname = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME=")), platform.system())
print(json.dumps({"cpu": cpu, "cores": os.cpu_count(), "memory_gib": mem, "os": osname,
                  "load_before": open("/proc/loadavg").read().split()[:3]}))
EOF
}
