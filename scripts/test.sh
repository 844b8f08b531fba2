#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test — the dev
# build and the AddressSanitizer + UBSan build — then prints ctest's summary. Exit code 0 = green.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/lint.sh

status=0
for preset in dev asan; do
  echo "== $preset: build"
  scripts/build.sh "$preset"
  echo "== $preset: ctest"
  # The full log is kept; the summary (and any failure's output) is printed.
  if ctest --preset "$preset" -j "$(nproc)" >"build/$preset-ctest.log" 2>&1; then
    sed -n '/tests passed/,$p' "build/$preset-ctest.log"
  else
    status=1
    grep -vE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed' "build/$preset-ctest.log" | tail -n 200
  fi
done
exit $status
