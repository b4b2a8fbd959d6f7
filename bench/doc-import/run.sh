#!/usr/bin/env bash
# Document-import benchmark (issue #12): a 50-page notice is imported as PDF and as DOCX through the packaged
# service against a throwaway MariaDB, questions generated; every run gets a fresh database and a freshly started
# service. Run from the repository root:
#
#   bench/doc-import/run.sh
#
# The inputs are rendered once by the committed generator (src/test/java/.../content/CorpusRenderings.java, POI
# and PDFBox with the WenQuanYi Micro Hei font: apt-get install fonts-wqy-microhei): the bundled notice's four
# sections repeated and renumbered until the PDF has BENCH_PAGES pages; the PDF carries doc number 8001号, the
# DOCX 8002号, so both import as new notices.
#
# Environment (all optional):
#   BENCH_PAGES=50         pages of the PDF rendering (the DOCX holds the same text)
#   BENCH_RUNS=3           runs, each on a fresh database and a freshly started service
#   BENCH_XMX=512m         service heap (-Xmx)
#   BENCH_WAIT_QUIET=0     wait up to this many seconds before each run's imports for no Maven build and load < 1.5
#   BENCH_TIMEOUT=120      seconds any single import may take
#
# Output: bench/out/doc-import/ (git-ignored): data/, mariadb/, service-<run>.log, rss-*.tsv, results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/doc-import" ]] || { echo "run me from the repository root" >&2; exit 2; }

PAGES=${BENCH_PAGES:-50}
RUNS=${BENCH_RUNS:-3}
XMX=${BENCH_XMX:-512m}
UPLOAD_TIMEOUT=${BENCH_TIMEOUT:-120}
WAIT_QUIET=${BENCH_WAIT_QUIET:-0}
OUT=$ROOT/bench/out/doc-import
DATA=$OUT/data
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark recreates its database per run; BENCH_DB_URL is not supported"

require_tools java curl openssl python3 mariadb
mkdir -p "$OUT" "$DATA"
LOAD_START=$(loadavg)
jar_ensure

# --- input (not timed) ----------------------------------------------------------------------------------
PDF=$DATA/notice-${PAGES}p.pdf
DOCX=$DATA/notice-${PAGES}p.docx
GENERATOR=$ROOT/src/test/java/cn/qhzgh/study/content/CorpusRenderings.java
if [[ ! -s "$PDF" || ! -s "$DOCX" || "$GENERATOR" -nt "$PDF" ]]; then
  log "rendering the $PAGES-page notice into $DATA (./mvnw test -Dtest=CorpusRenderingsGenerator)"
  (cd "$ROOT" && ./mvnw -B -q test -Dtest=CorpusRenderingsGenerator -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.doc.dir="$DATA" -Dbench.doc.pages="$PAGES") >&2
fi
[[ -s "$PDF" && -s "$DOCX" ]] || die "the generator wrote no $PDF or $DOCX"
INPUT="$(cat "$DATA/notice-${PAGES}p.txt"); PDF $(( $(stat -c %s "$PDF") / 1024 )) KiB, DOCX $(( $(stat -c %s "$DOCX") / 1024 )) KiB"
SECTIONS=$(sed -n 's/.*sections=\([0-9]*\).*/\1/p' "$DATA/notice-${PAGES}p.txt")
MODULES=$((1 + 18 * SECTIONS / 4))
log "input: $INPUT; expecting $MODULES modules"

db_start

# upload <label> <file> <type> <doc number>: times one import and records a results row; fails on any other
# status, module count or a missing question report.
declare -a ROWS=()
declare -a CHECKS=()
upload() {
  local label=$1 file=$2 type=$3 doc=$4 start end status secs cpu_app cpu_db modules approved rejected stored
  log "run $RUN: $label ..."
  cpu_app=$(cpu_seconds "$APP_PID") cpu_db=$(cpu_seconds "$DB_PID")
  start=$(now)
  status=$(curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$OUT/response.json" -w '%{http_code}' \
    -H "Authorization: Bearer $TOKEN" -F "file=@$file;type=$type" "$BASE/api/v1/admin/notices") || status=curl-error
  end=$(now)
  cpu_app=$(awk -v a="$cpu_app" -v b="$(cpu_seconds "$APP_PID")" 'BEGIN { printf "%.1f", b - a }')
  cpu_db=$(awk -v a="$cpu_db" -v b="$(cpu_seconds "$DB_PID")" 'BEGIN { printf "%.1f", b - a }')
  secs=$(elapsed "$start" "$end")
  log "run $RUN: $label: HTTP $status in ${secs}s (load $(loadavg)): $(head -c 300 "$OUT/response.json" 2>/dev/null)"
  [[ "$status" == 201 ]] || die "$label returned $status, expected 201"
  read -r modules approved rejected < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]));
print(len(r["modules"]), r["questions"]["approved"], r["questions"]["rejected"])' "$OUT/response.json")
  [[ "$modules" == "$MODULES" ]] || die "$label: $modules modules, expected $MODULES"
  ((approved > 0)) || die "$label: no approved questions"
  stored=$(sql "SELECT COUNT(*) FROM study_module m JOIN notice n ON n.id = m.notice_id WHERE n.doc_number = '$doc'")
  [[ "$stored" == "$MODULES" ]] || die "$label: $stored modules stored, expected $MODULES"
  ROWS+=("| $RUN | $label | $status | $secs | $cpu_app | $cpu_db | $modules | $approved / $rejected | $(rss_peak "$start" "$end") | $(load_during "$start" "$end") |")
  CHECKS+=("run $RUN $label: $modules modules stored, $approved questions approved, $rejected rejected")
}

for ((RUN = 1; RUN <= RUNS; RUN++)); do
  ((RUN == 1)) || db_recreate
  SERVICE_LOG=$OUT/service-$RUN.log
  app_start
  TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-doc-$STAMP-$RUN")
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  upload "PDF, $PAGES pages" "$PDF" application/pdf "青总发〔2022〕8001号"
  upload "DOCX, same text" "$DOCX" application/vnd.openxmlformats-officedocument.wordprocessingml.document "青总发〔2022〕8002号"
  app_stop
done

{
  echo "### Document-import benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}); fresh database and service per run (the first import of a run is on a cold service)."
  echo "Database: $DB_DESC. Input: $INPUT."
  echo
  echo "| run | import | HTTP | wall s | service CPU s | MariaDB CPU s | modules | questions approved / rejected | service peak RSS MiB | load average (1 min) |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  printf 'Checks: %s.\n' "${CHECKS[@]}"
} | tee "$RESULTS"
log "results written to $RESULTS"
