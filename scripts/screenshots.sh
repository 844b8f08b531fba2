#!/usr/bin/env bash
# Screenshots of the real app for the README and docs/screenshots: a server with the seed and
# demo accounts in a temporary folder, a day's work made with duban-client, then the app under
# Xvfb (OpenGL through Mesa) at a phone and a desktop width, in Chinese and in English.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh >/dev/null
scripts/build.sh dev >/dev/null
bin=build/dev
out=docs/screenshots
work=$(mktemp -d)
trap 'kill ${server_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out"

export DUBAN_DEMO_PASSWORD=screenshots-demo-1 DUBAN_PASSWORD=screenshots-demo-1
port=8643
url=https://127.0.0.1:$port
"$bin/server/duban-server" serve --data "$work/server" --listen 127.0.0.1:$port \
  --seed assets/seed --demo >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf --cacert "$work/server/tls/ca.crt" "$url/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
ca=$work/server/tls/ca.crt
client() { "$bin/sync/duban-client" --profile "$work/$1" "${@:2}"; }

# A day's work: a visit with a photo and a report from the field, both submitted.
client field login --server "$url" --ca "$ca" --username demo-field >/dev/null
client field sync >/dev/null
# A 1200×900 "site photo" (sky, hills, ground) made here, as a camera would hand it over.
python3 - "$work/site.ppm" <<'PY'
import sys
w, h = 1200, 900
rows = bytearray()
for y in range(h):
    for x in range(w):
        hill = 520 + int(80 * __import__("math").sin(x / 140.0))
        if y < hill:
            rows += bytes((120 + y // 8, 170 + y // 12, 230))
        else:
            rows += bytes((110 + (x * 7 + y * 3) % 40, 95 + (x + y) % 30, 60))
open(sys.argv[1], "wb").write(b"P6 %d %d 255\n" % (w, h) + bytes(rows))
PY
cjpeg -quality 85 "$work/site.ppm" >"$work/site.jpg"
project=key_projects_2022#1
visit_args=(visit add --project "$project" --at 2022-06-30T02:00:00Z --lat 28.3105 --lon 109.7321
  --accuracy 8 --notes "三区二期酿酒车间基础施工，现场作业约120人，塔吊2台运行正常" --people "项目经理 张工")
client field "${visit_args[@]}" --photo "$work/site.jpg" --submit >/dev/null
client field report add --project "$project" --period 2022-06 --investment 12,500 --percent 45 \
  --narrative "二区酿酒车间主体完工，三区一期完成桩基" --problems "用地报批滞后" \
  --coordination "请自然资源局加快三区二期用地报批" --submit >/dev/null
client field sync >/dev/null

shoot() {  # shoot NAME USER LANG WxH [--open PAGE]
  local name=$1 user=$2 lang=$3 size=$4
  shift 4
  xvfb-run -a -s "-screen 0 1600x1200x24" "$bin/platforms/linux/duban" --data "$work/app-$user" \
    --server "$url" --ca "$ca" --username "$user" --lang "$lang" --size "$size" "$@" \
    --screenshot "$out/$name-$lang-${size%%x*}.png" 2>&1 | grep -E "screenshot:" || true
}
detail=$(sqlite3 "$work/field/store.db" "SELECT id FROM project WHERE code = '$project'")
record=$(sqlite3 "$work/field/store.db" "SELECT id FROM progress_report LIMIT 1")
# This month's report on a task demo-field and demo-enterprise share (D41): the enterprise's 待确认.
client field report add --project 'suanli_tasks_2022#1' --period "$(date -u +%Y-%m)" --investment 0 \
  --percent 45 --narrative "本月新建5G基站12个，累计开通128个" --submit >/dev/null
client field sync >/dev/null
for lang in zh_CN en; do
  for size in 390x844 1280x800; do
    shoot home-field demo-field "$lang" "$size"
    shoot home-enterprise demo-enterprise "$lang" "$size"
    shoot home-supervisor demo-supervisor "$lang" "$size"
    shoot projects demo-field "$lang" "$size" --open projects
    shoot project demo-field "$lang" "$size" --open "project:$detail"
    shoot visit demo-field "$lang" "$size" --open "visit:$detail"
    shoot report demo-field "$lang" "$size" --open "report:$detail"
    shoot queue demo-supervisor "$lang" "$size" --open queue
    shoot dispatch demo-supervisor "$lang" "$size" --open dispatch:2022-06
    shoot review demo-supervisor "$lang" "$size" --open "record:$record"
    shoot sync demo-field "$lang" "$size" --open sync
  done
done

# The PDFs (the month's table with its charts, a warning letter) as the PDF test makes them from
# known reports, rendered to images by poppler: the first page of each, and the charts' page.
DUBAN_KEEP_PDF="$work/pdf" QT_QPA_PLATFORM=offscreen "$bin/tests/duban_pdf_test" >/dev/null
month_pdf=$work/pdf/month-2022-06.pdf
pages=$(pdfinfo "$month_pdf" | awk '/^Pages:/ {print $2}')
pdftoppm -r 110 -png -singlefile -f 1 -l 1 "$month_pdf" "$out/pdf-month-table"
pdftoppm -r 110 -png -singlefile -f "$pages" -l "$pages" "$month_pdf" "$out/pdf-month-charts"
pdftoppm -r 110 -png -singlefile "$work/pdf/letter-2022-7.pdf" "$out/pdf-letter"
ls "$out"
