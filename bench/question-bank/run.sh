#!/usr/bin/env bash
# Question-bank benchmark: an XLSX bank of 5,000 distinct questions is dry-run, uploaded and uploaded again
# through the packaged service against a throwaway MariaDB; every run gets a fresh database and a freshly
# started service. Run from the repository root:
#
#   bench/question-bank/run.sh
#
# Environment (all optional):
#   BENCH_QUESTIONS=5000   questions in the generated bank (the service accepts at most 5,000 per file)
#   BENCH_RUNS=3           runs, each on a fresh database and a freshly started service
#   BENCH_DRY_RUN=1        time a dry run before the upload (0 = skip, so the upload runs on a cold service)
#   BENCH_WARM_UPLOAD=1    afterwards delete the stored bank by SQL and time the same upload on the now warm service
#   BENCH_XMX=512m         service heap (-Xmx)
#   BENCH_WAIT_QUIET=0     wait up to this many seconds before each run's uploads for no Maven build and load < 1.5
#   BENCH_JFR=0            1 = record a Java Flight Recorder profile of the service during each run's uploads
#   BENCH_TIMEOUT=300      seconds any single upload may take
#
# Output: bench/out/question-bank/ (git-ignored): data/, mariadb/, service-<run>.log, rss-*.tsv,
# results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/question-bank" ]] || { echo "run me from the repository root" >&2; exit 2; }

QUESTIONS=${BENCH_QUESTIONS:-5000}
RUNS=${BENCH_RUNS:-3}
DRY_RUN=${BENCH_DRY_RUN:-1}
WARM_UPLOAD=${BENCH_WARM_UPLOAD:-1}
XMX=${BENCH_XMX:-512m}
UPLOAD_TIMEOUT=${BENCH_TIMEOUT:-300}
WAIT_QUIET=${BENCH_WAIT_QUIET:-0}
JFR=${BENCH_JFR:-0}
OUT=$ROOT/bench/out/question-bank
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
BANK=$DATA/bank-$QUESTIONS.xlsx
if [[ ! -s "$BANK" || "$ROOT/bench/question-bank/gen_bank.py" -nt "$BANK" ]]; then
  log "generating $BANK"
  python3 "$ROOT/bench/question-bank/gen_bank.py" --out "$BANK.tmp" --count "$QUESTIONS" \
    --skeleton "$ROOT/src/main/resources/seed/qinghai-unions.csv" | tee "$DATA/generated-$QUESTIONS.txt" >&2
  mv "$BANK.tmp" "$BANK"
fi
BANK_KB=$(( $(stat -c %s "$BANK") / 1024 ))
log "input: $BANK ($BANK_KB KiB), $(cat "$DATA/generated-$QUESTIONS.txt" 2>/dev/null | sed 's/^[^:]*: //')"

db_start

# Statements MariaDB has executed so far: "<SELECTs> <INSERTs>" (our own few client queries included).
statements() {
  sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select','Com_insert')" | sort | awk '{ printf "%s ", $2 }'
}

# upload <label> <query> <expected status> <expected JSON fragment>...: times one POST of the bank and
# records a results row in ROWS; fails on any other status or content.
declare -a ROWS=()
upload() {
  local label=$1 query=$2 expect_status=$3 start end status secs fragment before after cpu_app cpu_db
  local -a threads_before threads_after
  shift 3
  log "run $RUN: $label ..."
  read -ra before <<<"$(statements)"
  cpu_app=$(cpu_seconds "$APP_PID") cpu_db=$(cpu_seconds "$DB_PID")
  read -ra threads_before <<<"$(thread_cpu "$APP_PID")"
  start=$(now)
  status=$(curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$OUT/response.json" -w '%{http_code}' \
    -H "Authorization: Bearer $TOKEN" \
    -F "file=@$BANK;type=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
    "$BASE/api/v1/admin/question-banks?format=xlsx$query") || status=curl-error
  end=$(now)
  read -ra threads_after <<<"$(thread_cpu "$APP_PID")"
  cpu_app=$(awk -v a="$cpu_app" -v b="$(cpu_seconds "$APP_PID")" -v j0="${threads_before[0]}" -v j1="${threads_after[0]}" \
    -v r0="${threads_before[2]}" -v r1="${threads_after[2]}" 'BEGIN { printf "%.1f (%.1f / %.1f)", b - a, j1 - j0, r1 - r0 }')
  cpu_db=$(awk -v a="$cpu_db" -v b="$(cpu_seconds "$DB_PID")" 'BEGIN { printf "%.1f", b - a }')
  read -ra after <<<"$(statements)"
  secs=$(elapsed "$start" "$end")
  log "run $RUN: $label: HTTP $status in ${secs}s (load $(loadavg)): $(head -c 600 "$OUT/response.json" 2>/dev/null)"
  [[ "$status" == "$expect_status" ]] || die "$label returned $status, expected $expect_status"
  for fragment in "$@"; do
    tr -d ' \n' <"$OUT/response.json" | grep -q -- "$fragment" || die "$label: expected $fragment in the response"
  done
  ROWS+=("| $RUN | $label | $status | $secs | $cpu_app | $cpu_db | $((after[0] - before[0])) | $((after[1] - before[1])) | $(rss_peak "$start" "$end") | $(load_during "$start" "$end") |")
}

declare -a CHECKS=()
for ((RUN = 1; RUN <= RUNS; RUN++)); do
  ((RUN == 1)) || db_recreate
  SERVICE_LOG=$OUT/service-$RUN.log
  app_start
  TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-qb-$STAMP-$RUN")
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  [[ "$JFR" != 1 ]] || jcmd "$APP_PID" JFR.configure stackdepth=512 >/dev/null || true
  [[ "$JFR" != 1 ]] || jcmd "$APP_PID" JFR.start name=uploads settings=profile filename="$OUT/uploads-$RUN.jfr" >/dev/null

  if [[ "$DRY_RUN" == 1 ]]; then
    upload "dry run" "&dryRun=true" 200 '"dryRun":true' "\"questions\":$QUESTIONS"
    STORED=$(sql "SELECT COUNT(*) FROM question")
    [[ "$STORED" == 0 ]] || die "the dry run stored $STORED questions"
  fi
  upload "upload (stores $QUESTIONS)" "" 201 '"dryRun":false' "\"questions\":$QUESTIONS"
  BANK_ID=$(grep -o '"bankId":[0-9]*' "$OUT/response.json" | cut -d: -f2)
  UPLOADED=$(sql "SELECT COUNT(*) FROM question WHERE source='UPLOADED'")
  VERSIONS=$(sql "SELECT COUNT(*) FROM question_version v JOIN question q ON q.id = v.question_id WHERE q.source='UPLOADED'")
  [[ "$UPLOADED" == "$QUESTIONS" ]] || die "question holds $UPLOADED UPLOADED rows after the upload, expected $QUESTIONS"
  [[ "$VERSIONS" == "$QUESTIONS" ]] || die "question_version holds $VERSIONS rows for uploaded questions, expected $QUESTIONS"
  upload "re-upload, identical file" "" 200 "\"duplicateOf\":$BANK_ID" '"questions":0'
  AFTER=$(sql "SELECT COUNT(*) FROM question WHERE source='UPLOADED'")
  BANKS=$(sql "SELECT COUNT(*) FROM question_bank")
  [[ "$AFTER" == "$QUESTIONS" && "$BANKS" == 1 ]] || die "after the re-upload: $AFTER questions, $BANKS banks"
  CHECKS+=("run $RUN: question (UPLOADED) = $UPLOADED after the upload, $AFTER after the re-upload; question_version = $VERSIONS; question_bank = $BANKS")
  if [[ "$WARM_UPLOAD" == 1 ]]; then
    # Nothing in the service caches uploaded banks, so emptying the tables makes the file new again.
    sql "DELETE v FROM question_version v JOIN question q ON q.id = v.question_id WHERE q.bank_id = $BANK_ID;
         DELETE FROM question WHERE bank_id = $BANK_ID; DELETE FROM question_bank WHERE id = $BANK_ID"
    upload "upload again, warm service (first bank deleted by SQL)" "" 201 '"dryRun":false' "\"questions\":$QUESTIONS"
    WARM=$(sql "SELECT COUNT(*) FROM question WHERE source='UPLOADED'")
    [[ "$WARM" == "$QUESTIONS" ]] || die "question holds $WARM UPLOADED rows after the warm upload, expected $QUESTIONS"
    CHECKS[-1]+="; after the warm upload $WARM"
  fi
  log "run $RUN: checks passed (${CHECKS[-1]#run $RUN: })"
  [[ "$JFR" != 1 ]] || { jcmd "$APP_PID" JFR.stop name=uploads >/dev/null && log "run $RUN: JFR profile in $OUT/uploads-$RUN.jfr"; }
  app_stop
done

{
  echo "### Question-bank benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}); fresh database and service per run."
  echo "Database: $DB_DESC. Input: $QUESTIONS questions, $BANK_KB KiB XLSX ($(sed 's/^[^(]*(//; s/)$//' "$DATA/generated-$QUESTIONS.txt"))."
  echo
  echo "| run | step | HTTP | wall s | service CPU s (JIT / request threads) | MariaDB CPU s | SQL INSERTs | SQL SELECTs | service peak RSS MiB | load average (1 min) |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Peak RSS over all runs: service $(rss_peak_all 2) MiB, MariaDB $(rss_peak_all 3) MiB."
  printf 'Checks: %s.\n' "${CHECKS[@]}"
} | tee "$RESULTS"
log "results written to $RESULTS"
