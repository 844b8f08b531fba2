#!/usr/bin/env bash
# The README's test command: installs what is missing, checks formatting and project rules,
# builds the asan preset (AddressSanitizer + UBSan, warnings as errors) and runs every test under
# it, then prints ctest's summary, and links the release preset's programs with LTO so that an ODR
# violation fails (D39). One test build keeps CI short on two cores; run.sh builds dev.
# Exit code 0 = green. `scripts/test.sh dev` runs the suite on the dev build instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/lint.sh

status=0
for preset in "${@:-asan}"; do
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

# The release preset links with LTO, where two different definitions of one name (an ODR
# violation) fail the link (D39). The products only — they link every library; the test
# programs would each be one more LTO link, more than tripling this step's cost.
if (($# == 0)); then
  echo "== release: the product targets with LTO (an ODR violation fails the link)"
  cmake --preset release >/dev/null
  if ! cmake --build --preset release -j "$(nproc)" --target duban-server duban-client duban; then
    status=1
  fi
fi
exit $status
