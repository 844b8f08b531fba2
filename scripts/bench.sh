#!/usr/bin/env bash
# The one benchmark command (bench/README.md): builds the release preset, runs each benchmark part
# that is present with the results folder, then renders every RESULTS/*.json into
# docs/performance.md. Usage: scripts/bench.sh [RESULTS_DIR]   (default bench/results)
set -euo pipefail
cd "$(dirname "$0")/.."
results="${1:-bench/results}"
mkdir -p "$results"
echo "load before: $(uptime)" >&2
scripts/build.sh release
for part in sync photos load; do
  if [[ -x "bench/$part/run.sh" ]]; then
    echo "== bench/$part" >&2
    "bench/$part/run.sh" "$results"
  fi
done
python3 bench/report.py "$results" docs/performance.md
