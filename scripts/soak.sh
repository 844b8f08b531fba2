#!/usr/bin/env bash
# The soak of issue 4: 500 seeded fault scenarios (ctest label `soak`, excluded from the test
# presets), then their totals as docs/reliability.md reports them.
#   scripts/soak.sh [preset]          (default: dev; DUBAN_SOAK_JOBS=2 runs two blocks at once)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
build=build/$preset
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target fault_soak_test -j2
report=$(mktemp)
start=$(date +%s)
status=0
# Not `ctest --preset`: the presets exclude the label asked for here.
DUBAN_FAULT_REPORT=$report ctest --test-dir "$build" -L soak -j "${DUBAN_SOAK_JOBS:-1}" \
  --timeout 1800 --output-on-failure >"$build/soak.log" 2>&1 || status=$?
end=$(date +%s)
tail -n 5 "$build/soak.log"
python3 - "$report" "$((end - start))" "$preset" <<'PY'
import json, platform, subprocess, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
total = {}
for line in lines:
    for key, value in line.items():
        total[key] = total.get(key, 0) + value
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"blocks: {len(lines)}  wall time: {sys.argv[2]} s  preset: {sys.argv[3]}")
print(f"machine: {subprocess.check_output(['nproc']).decode().strip()} cores, {cpu}, {platform.platform()}")
for key in sorted(total):
    print(f"  {key}: {round(total[key], 1) if isinstance(total[key], float) else total[key]}")
PY
rm -f "$report"
exit $status
