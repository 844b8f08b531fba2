#!/usr/bin/env bash
# Project rules a compiler does not check: formatting, and patterns that must never appear.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0

mapfile -t sources < <(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find core server sync qml platforms tests bench -name '*.cpp' -o -name '*.h')
if ((${#sources[@]} > 0)) && ! clang-format --dry-run -Werror "${sources[@]}" 2>/dev/null; then
  echo "lint: files are not clang-formatted (run: clang-format -i <file>):"
  for f in "${sources[@]}"; do clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || echo "  $f"; done
  status=1
fi

forbid() {  # forbid PATTERN WHY [EXCEPT-PATH…]
  local pattern=$1 why=$2
  shift 2
  local excluded=(':!scripts/lint.sh' ':!docs')
  for path in "$@"; do excluded+=(":!$path"); done
  if git grep -nE "$pattern" -- "${excluded[@]}" >/dev/null 2>&1; then
    echo "lint: $why:"
    git grep -nE "$pattern" -- "${excluded[@]}"
    status=1
  fi
}
forbid 'CURLOPT_SSL_VERIFY(PEER|HOST)[^;]*,[[:space:]]*0' "TLS verification must never be turned off"
forbid 'setContextProperty' "QML gets services through QML_SINGLETON wrappers or properties"
# database.cpp alone splices the integers and checked identifiers that PRAGMA and SAVEPOINT need.
forbid '(prepare|execute)\([^)]*"[[:space:]]*\+[[:space:]]*[a-z]' "SQL is never built from values; bind them" \
  core/store/database.cpp
# The wall clock is read through the injected Clock (core/util/clock.h), so tests can set it: only
# composition roots construct a SystemClock. Tests and benchmarks build their own worlds. A
# steady_clock for durations and timeouts is not a wall-clock read.
forbid 'SystemClock\(\)|system_clock::now|QDate::currentDate|QDateTime::current(DateTime|M?SecsSinceEpoch)' \
  "read the time through the injected Clock (core/util/clock.h); only main()s make a SystemClock" \
  core/util/clock.h core/util/clock.cpp tests bench

if ((status == 0)); then echo "lint: ok"; fi
exit $status
