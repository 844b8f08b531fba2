#!/usr/bin/env bash
# Record sync and scaling benchmarks (issue 6, parts 1, 2, 5): installs the CouchDB-protocol peers
# from npm into build/bench-node (not committed), then runs sync_bench.py, which generates the
# datasets, starts and stops every server, and writes RESULTS/sync.json and RESULTS/scaling.json.
# Usage: bench/sync/run.sh RESULTS_DIR   (settings: see the top of bench/sync/sync_bench.py)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
results="$(mkdir -p "${1:-$root/bench/results}" && cd "${1:-$root/bench/results}" && pwd)"
node_dir="${BENCH_NODE_DIR:-$root/build/bench-node}"

# Pinned peers: the versions the results name.
readonly POUCHDB_SERVER_VERSION=4.2.0
readonly POUCHDB_NODE_VERSION=9.0.0
if [[ ! -f "$node_dir/node_modules/pouchdb-server/package.json" ||
      ! -f "$node_dir/node_modules/pouchdb-node/package.json" ]]; then
  mkdir -p "$node_dir"
  [[ -f "$node_dir/package.json" ]] || echo '{"name": "duban-bench-node", "private": true}' > "$node_dir/package.json"
  echo "installing pouchdb-server@$POUCHDB_SERVER_VERSION pouchdb-node@$POUCHDB_NODE_VERSION into $node_dir" >&2
  (cd "$node_dir" && npm install --no-audit --no-fund --loglevel=error \
    "pouchdb-server@$POUCHDB_SERVER_VERSION" "pouchdb-node@$POUCHDB_NODE_VERSION" >&2)
fi

BENCH_NODE_DIR="$node_dir" exec python3 "$root/bench/sync/sync_bench.py" "$results"
