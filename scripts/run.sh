#!/usr/bin/env bash
# The README's main command. Until the server and the app exist it checks the seed: builds
# duban-server and prints, for every list of the notice, its items, sums (万元) and findings.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
scripts/build.sh dev
exec build/dev/server/duban-server import --dry-run assets/seed
