#!/usr/bin/env bash
# Photos, Duban vs the tus reference implementations (issue 6, part 3). Writes
# RESULTS/photos.json (bench/report.py renders it into docs/performance.md). Self-contained:
# installs its npm peers (pinned below) into build/bench-node/photos, starts and stops its
# servers, removes its scratch folder. Sizes and run counts: bench/README.md "Photos".
#
#   bench/photos/run.sh [RESULTS_DIR]     (default build/bench-results)
#
# Knobs: RUNS (5), PHOTO_SIZES_MB ("1 2.5 10 50"), CUTS (10), CHUNK (1048576, the app's),
# DUBAN_BUILD_DIR (build/release).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${DUBAN_BUILD_DIR:-$ROOT/build/release}
RESULTS=$(mkdir -p "${1:-$ROOT/build/bench-results}" && cd "${1:-$ROOT/build/bench-results}" && pwd)
RUNS=${RUNS:-5}
PHOTO_SIZES_MB=${PHOTO_SIZES_MB:-1 2.5 10 50}
CUTS=${CUTS:-10}
CHUNK=${CHUNK:-1048576}
TUS_SERVER_VERSION=2.4.5
TUS_FILE_STORE_VERSION=2.1.1
TUS_JS_CLIENT_VERSION=4.3.1
BENCH=$BUILD/bench/photos/photo_bench
NODE_DIR=$ROOT/build/bench-node/photos

# shellcheck source=bench/photos/server.sh
source "$ROOT/bench/photos/server.sh"
[ -x "$BENCH" ] || { echo "no $BENCH: build the release preset first" >&2; exit 1; }

MACHINE=$(machine_json)
# The bench's server settings: photos up to 64 MiB (the 50 MB case) and one PATCH of a whole
# photo (the raw curl upload); a cheaper scrypt and no sign-in throttle, since every upload signs
# in and sign-ins are not what is measured. Everything else is the default.
bench_scratch photos '{"max_blob_bytes": 67108864, "max_chunk_bytes": 67108864,
  "scrypt_n": 16384, "login_attempts_per_minute_per_address": 1000000,
  "max_failed_logins": 1000000}'
SERVER_PID=
TUS_PID=
cleanup() {
    stop_pid "$SERVER_PID"
    stop_pid "$TUS_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT

# The peers, pinned.
mkdir -p "$NODE_DIR"
cp "$ROOT/bench/photos/tus_server.mjs" "$ROOT/bench/photos/tus_client.mjs" "$NODE_DIR/"
if ! (cd "$NODE_DIR" && node -e "
    const want = {'@tus/server': '$TUS_SERVER_VERSION', '@tus/file-store': '$TUS_FILE_STORE_VERSION', 'tus-js-client': '$TUS_JS_CLIENT_VERSION'};
    for (const [n, v] of Object.entries(want)) if (require('./node_modules/' + n + '/package.json').version !== v) process.exit(1);" 2>/dev/null); then
    echo "installing @tus/server@$TUS_SERVER_VERSION @tus/file-store@$TUS_FILE_STORE_VERSION tus-js-client@$TUS_JS_CLIENT_VERSION"
    (cd "$NODE_DIR" && echo '{"private": true}' >package.json &&
        npm install --no-audit --no-fund --silent "@tus/server@$TUS_SERVER_VERSION" \
            "@tus/file-store@$TUS_FILE_STORE_VERSION" "tus-js-client@$TUS_JS_CLIENT_VERSION")
fi

sample() { printf '{"key": "%s", "value": %s}\n' "$1" "$2" >>"$SAMPLES"; }
mbps() { python3 -c "print($1 / 1e6 / $2)"; }
field() { python3 -c "import json, sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }
seed=0
photo() { # photo MB: sets PHOTO to a new photo (new bytes: nothing deduplicated) of MB megabytes
    seed=$((seed + 1))
    PHOTO=$WORK/photo-$seed.jpg
    "$BENCH" make-photo "$PHOTO" "$(python3 -c "print(int($1 * 1000000))")" "$seed" >/dev/null
}
ours() { # ours FILE [extra args]: PhotoUploader to duban-server; prints its JSON line
    local file=$1
    shift
    "$BENCH" upload --server "$SERVER_URL" --ca "$SERVER_CA" --file "$file" \
        --user admin --password "$DUBAN_ADMIN_PASSWORD" --chunk "$CHUNK" "$@"
}
raw() { # raw FILE: one curl PATCH of the whole file into a new tus upload; prints seconds
    local file=$1 size sha token location out
    size=$(stat -c %s "$file")
    sha=$(sha256sum "$file" | cut -d' ' -f1)
    token=$(curl -sf --cacert "$SERVER_CA" -H 'Content-Type: application/json' \
        -d "{\"username\": \"admin\", \"password\": \"$DUBAN_ADMIN_PASSWORD\", \"device_id\": \"$(cat /proc/sys/kernel/random/uuid)\", \"device_name\": \"curl\"}" \
        "$SERVER_URL/v1/auth/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
    location=$(curl -sf --cacert "$SERVER_CA" -o /dev/null -D - -X POST \
        -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' -H "Upload-Length: $size" \
        -H "Upload-Metadata: sha256 $(printf %s "$sha" | base64 -w0)" "$SERVER_URL/v1/uploads" |
        tr -d '\r' | awk 'tolower($1) == "location:" { print $2 }')
    # Timed: the whole PATCH on its own connection (TLS handshake included, as for ours).
    out=$(curl -s --cacert "$SERVER_CA" -o /dev/null -w '%{http_code} %{time_total}' -X PATCH \
        -H "Authorization: Bearer $token" -H 'Tus-Resumable: 1.0.0' -H 'Upload-Offset: 0' \
        -H 'Content-Type: application/offset+octet-stream' -H 'Expect:' \
        --data-binary "@$file" "$SERVER_URL${location#"$SERVER_URL"}")
    [ "${out%% *}" = 204 ] || { echo "raw PATCH answered ${out%% *}" >&2; return 1; }
    echo "${out#* }"
}

echo "photos: duban-server first start (seed import)"
start_duban_server "$DATA" "$CONFIG" "$LOG"

# 1. Throughput against one raw curl PATCH, and the server's peak memory, per size. The server
#    starts afresh for each size, so its VmHWM is that size's.
for mb in $PHOTO_SIZES_MB; do
    stop_pid "$SERVER_PID"
    start_duban_server "$DATA" "$CONFIG" "$LOG"
    for run in $(seq 1 "$RUNS"); do
        photo "$mb"
        file=$PHOTO
        line=$(ours "$file") || { echo "upload failed: $line" >&2; exit 1; }
        sample "ours/$mb" "$(mbps "$(field "$line" bytes)" "$(field "$line" seconds)")"
        rm -f "$file"
        photo "$mb"
        file=$PHOTO
        seconds=$(raw "$file")
        sample "raw/$mb" "$(mbps "$(stat -c %s "$file")" "$seconds")"
        rm -f "$file"
        echo "photos: $mb MB run $run: ours $(tail -2 "$SAMPLES" | head -1), raw $(tail -1 "$SAMPLES")"
    done
    sample "hwm/$mb" "$(vmhwm_mib "$SERVER_PID")"
done

# 2. Cuts at random points of a 2.5 MB photo (through the loopback fault proxy).
for cut in $(seq 1 "$CUTS"); do
    photo 2.5
    file=$PHOTO
    line=$(ours "$file" --cut-seed "$cut") || { echo "cut upload failed: $line" >&2; exit 1; }
    sample resent "$(python3 -c "print($(field "$line" resent) / 1024)")"
    sample cut_chunk "$(python3 -c "print($(field "$line" cut_chunk) / 1024)")"
    echo "photos: cut $cut: $line"
    rm -f "$file"
done

# 3. Interoperability and the peers' speed: tus-js-client → duban-server, Duban → @tus/server.
export NODE_EXTRA_CA_CERTS=$SERVER_CA
for run in $(seq 1 "$RUNS"); do
    photo 2.5
    file=$PHOTO
    line=$(node "$NODE_DIR/tus_client.mjs" "$SERVER_URL" admin "$DUBAN_ADMIN_PASSWORD" "$file" "$CHUNK") || true
    echo "photos: tus-js-client → duban-server: $line"
    ok=$(field "$line" ok 2>/dev/null || echo False)
    sample interop-client "$([ "$ok" = True ] && echo true || echo false)"
    [ "$ok" = True ] && sample peer-client "$(mbps "$(field "$line" bytes)" "$(field "$line" seconds)")"
    rm -f "$file"
    photo 2.5
    file=$PHOTO
    line=$(ours "$file") || { echo "upload failed: $line" >&2; exit 1; }
    sample peer-client-ours "$(mbps "$(field "$line" bytes)" "$(field "$line" seconds)")"
    sample peer-server-ours "$(mbps "$(field "$line" bytes)" "$(field "$line" seconds)")"
    rm -f "$file"
done

mkdir -p "$WORK/tus-files"
node "$NODE_DIR/tus_server.mjs" "$DATA/tls/server.crt" "$DATA/tls/server.key" "$WORK/tus-files" \
    >"$WORK/tus.log" 2>&1 &
TUS_PID=$!
for _ in $(seq 1 100); do grep -q '"port"' "$WORK/tus.log" && break; sleep 0.1; done
TUS_URL="https://127.0.0.1:$(head -1 "$WORK/tus.log" | python3 -c 'import json, sys; print(json.load(sys.stdin)["port"])')"
for run in $(seq 1 "$RUNS"); do
    photo 2.5
    file=$PHOTO
    line=$("$BENCH" upload --server "$TUS_URL" --ca "$SERVER_CA" --file "$file" --chunk "$CHUNK") || true
    echo "photos: Duban client → @tus/server: $line"
    ok=False
    if [ "$(field "$line" ok 2>/dev/null || echo False)" = True ]; then
        id=$(grep '"finished"' "$WORK/tus.log" | tail -1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["finished"])')
        [ "$(sha256sum "$WORK/tus-files/$id" | cut -d' ' -f1)" = "$(field "$line" sha256)" ] && ok=True
        sample peer-server "$(mbps "$(field "$line" bytes)" "$(field "$line" seconds)")"
    fi
    sample interop-server "$([ "$ok" = True ] && echo true || echo false)"
    rm -f "$file" "$WORK/tus-files/"*
done

# The results.
VERSIONS=$(python3 -c "import json, sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))" \
    duban "$(git -C "$ROOT" describe --always --dirty)" \
    "@tus/server" "$TUS_SERVER_VERSION" "@tus/file-store" "$TUS_FILE_STORE_VERSION" \
    tus-js-client "$TUS_JS_CLIENT_VERSION" node "$(node --version)" \
    curl "$(curl --version | head -1 | cut -d' ' -f2)")
python3 - "$WORK/meta.json" "$MACHINE" "$VERSIONS" "$RUNS" "$CHUNK" "$PHOTO_SIZES_MB" <<'EOF'
import json, sys
out, machine, versions, runs, chunk, sizes = sys.argv[1:]
json.dump({
    "title": "Photos: Duban vs the tus reference implementations",
    "command": "bench/photos/run.sh RESULTS_DIR (or scripts/bench.sh)",
    "machine": json.loads(machine), "versions": json.loads(versions),
    "notes": [
        f"Photos of noise (Duban's JPEG encoder, 2048 × 1536 at most, padded with random bytes "
        f"after the end marker to {sizes} MB); a new photo for every upload, so none is "
        f"deduplicated. {runs} runs per case; uploads in chunks of {int(chunk) // 1024} KiB "
        f"growing while they go fast (the app's default, D27).",
        "Duban client = sync/PhotoUploader as the sync engine runs it (HEAD /v1/blobs, POST, "
        "PATCHes), on a fresh connection; its time includes the TLS handshake and every request.",
        "Raw = one curl PATCH of the whole file into a tus upload created just before (not "
        "timed), on its own connection: the same server code path for the bytes.",
        "Server peak memory: VmHWM of a duban-server started afresh for each size, after its "
        "uploads of that size.",
        "Cuts: the loopback fault proxy (tests/support/fault_proxy) closes the upload's first "
        "connection after a random number of bytes towards the server; the uploader resumes "
        "from the server's offset on a new one. Re-sent = bytes sent minus the file's size; the "
        "chunk it is held to is the one the cut hit (chunks grow on loopback: 1 MiB, 2 MiB).",
        "@tus/server: its file store over HTTPS (node https, the certificate duban-server made "
        "for 127.0.0.1) at /v1/uploads; HEAD /v1/blobs/<sha256> answers 404, so Duban's uploader "
        "runs unchanged. Verified: the stored file's SHA-256 is the photo's.",
        "tus-js-client: signs in (POST /v1/auth/login), uploads with the bearer token and the "
        "sha256 metadata, then HEAD and GET /v1/blobs/<sha256> must answer 200 and the served "
        "bytes must hash to that SHA-256.",
        "Bench server settings: max_blob_bytes and max_chunk_bytes 64 MiB (50 MB photos; one "
        "PATCH for the raw upload), scrypt_n 2^14 and no sign-in throttle (each upload signs in; "
        "sign-ins are not measured).",
    ]}, open(out, "w"))
EOF
python3 "$ROOT/bench/photos/results.py" photos "$SAMPLES" "$RESULTS/photos.json" "$WORK/meta.json"
echo "photos: wrote $RESULTS/photos.json"
