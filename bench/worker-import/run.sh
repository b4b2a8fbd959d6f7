#!/usr/bin/env bash
# Worker-import benchmark: org tree of 10,053 unions, then 1,000,000 workers imported, re-imported and
# dry-run through the packaged service against a throwaway MariaDB. Run from the repository root:
#
#   bench/worker-import/run.sh
#
# Environment (all optional):
#   BENCH_WORKERS=1000000   worker rows to generate        BENCH_GRASSROOTS=10000  synthetic grassroots unions
#   BENCH_DRY_RUN=1         also time a dry run (0 = skip) BENCH_XMX=512m           service heap (-Xmx)
#   BENCH_DB_URL=jdbc:mysql://host:port/db  use an existing, EMPTY database instead of a throwaway server
#   BENCH_DB_USER=root BENCH_DB_PASSWORD=   its credentials
#   BENCH_TIMEOUT=3600      seconds any single upload may take
#
# Output: bench/out/ (git-ignored): data/, mariadb/, service.log, results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/worker-import" ]] || { echo "run me from the repository root" >&2; exit 2; }

WORKERS=${BENCH_WORKERS:-1000000}
GRASSROOTS=${BENCH_GRASSROOTS:-10000}
DRY_RUN=${BENCH_DRY_RUN:-1}
XMX=${BENCH_XMX:-512m}
UPLOAD_TIMEOUT=${BENCH_TIMEOUT:-3600}
ISSUER=https://bench.study.qhzgh.example/non-production
OUT=$ROOT/bench/out
DATA=$OUT/data
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps

require_tools java curl openssl python3 mariadb
mkdir -p "$OUT" "$DATA"
LOAD_START=$(loadavg)

# --- 1. packaged jar ----------------------------------------------------------------------------
jar_ensure

# --- 5. input data (not timed) ------------------------------------------------------------------
ORGS_CSV=$DATA/orgs-$GRASSROOTS.csv
WORKERS_CSV=$DATA/workers-$WORKERS-$GRASSROOTS.csv
if [[ ! -s "$ORGS_CSV" || ! -s "$WORKERS_CSV" || "$ROOT/bench/worker-import/gen_data.py" -nt "$WORKERS_CSV" ]]; then
  log "generating $GRASSROOTS grassroots unions and $WORKERS workers"
  python3 "$ROOT/bench/worker-import/gen_data.py" --skeleton "$ROOT/src/main/resources/seed/qinghai-unions.csv" \
    --orgs-out "$ORGS_CSV.tmp" --workers-out "$WORKERS_CSV.tmp" --grassroots "$GRASSROOTS" --workers "$WORKERS" \
    | tee "$DATA/generated-$WORKERS-$GRASSROOTS.txt" >&2
  mv "$ORGS_CSV.tmp" "$ORGS_CSV" && mv "$WORKERS_CSV.tmp" "$WORKERS_CSV"
fi
ORG_ROWS=$(($(wc -l <"$ORGS_CSV") - 1))
WORKER_ROWS=$(($(wc -l <"$WORKERS_CSV") - 1))
WORKERS_MB=$(awk -v b="$(stat -c %s "$WORKERS_CSV")" 'BEGIN { printf "%.1f", b / 1048576 }')
log "input: $ORG_ROWS org rows, $WORKER_ROWS worker rows ($WORKERS_MB MiB)"

# --- 2. database --------------------------------------------------------------------------------
db_start

# --- 3. service, configured only through the environment -------------------------------------
app_start

# --- 4. a province-admin token signed with the NON-PRODUCTION key --------------------------------
TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-$STAMP")

# --- 6. timed uploads -----------------------------------------------------------------------------
declare -a SUMMARY=()
# upload <label> <path> <file> <expected-json-fragment>: POSTs, checks status 200 and the counts, records a row.
upload() {
  local label=$1 path=$2 file=$3 expect=$4 start end status rows secs peak
  log "$label ..."
  start=$(now)
  status=$(curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$OUT/response.json" -w '%{http_code}' \
    -H "Authorization: Bearer $TOKEN" -F "file=@$file;type=text/csv" "$BASE$path") || status=curl-error
  end=$(now)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  log "$label: HTTP $status in ${secs}s: $(head -c 600 "$OUT/response.json" 2>/dev/null)"
  [[ "$status" == 200 ]] || die "$label returned $status"
  tr -d ' \n' <"$OUT/response.json" | grep -q -- "$expect" || die "$label: expected $expect in the response"
  rows=$(grep -o '"rows":[0-9]*' "$OUT/response.json" | cut -d: -f2)
  peak=$(rss_peak "$start" "$end")
  SUMMARY+=("| $label | $rows | $secs | $(awk -v r="$rows" -v s="$secs" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }') | $peak |")
}

upload "org import (skeleton + $GRASSROOTS grassroots)" /api/v1/admin/orgs/import "$ORGS_CSV" "\"created\":$ORG_ROWS"
upload "worker import, first (all created)" /api/v1/admin/workers/import "$WORKERS_CSV" "\"created\":$WORKER_ROWS,"
upload "worker re-import (all unchanged)" /api/v1/admin/workers/import "$WORKERS_CSV" "\"unchanged\":$WORKER_ROWS"
if [[ "$DRY_RUN" == 1 ]]; then
  upload "worker dry run (all unchanged)" "/api/v1/admin/workers/import?dryRun=true" "$WORKERS_CSV" "\"dryRun\":true"
fi

# --- 7. correctness -------------------------------------------------------------------------------
WORKER_COUNT=$(sql 'SELECT COUNT(*) FROM worker')
STAGED=$(sql 'SELECT COUNT(*) FROM worker_import_row')
ORG_COUNT=$(sql 'SELECT COUNT(*) FROM organization')
log "worker rows: $WORKER_COUNT, staging rows left: $STAGED, organizations: $ORG_COUNT"
[[ "$WORKER_COUNT" == "$WORKER_ROWS" ]] || die "worker has $WORKER_COUNT rows, expected $WORKER_ROWS"
[[ "$STAGED" == 0 ]] || die "worker_import_row still holds $STAGED rows"
[[ "$ORG_COUNT" == "$ORG_ROWS" ]] || die "organization has $ORG_COUNT rows, expected $ORG_ROWS"

APP_PEAK=$(rss_peak_all 2)
DB_PEAK=$(rss_peak_all 3)
{
  echo "### Worker import benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC})."
  echo "Database: $DB_DESC. Input: $ORG_ROWS orgs, $WORKER_ROWS workers, $WORKERS_MB MiB CSV."
  echo
  echo "| step | rows | wall s | rows/s | service peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${SUMMARY[@]}"
  echo
  echo "Peak RSS over the whole run: service $APP_PEAK MiB${DB_PID:+, MariaDB $DB_PEAK MiB}."
  echo "Checks: worker = $WORKER_COUNT rows, worker_import_row = $STAGED rows, organization = $ORG_COUNT rows."
} | tee "$RESULTS"
log "results written to $RESULTS"
