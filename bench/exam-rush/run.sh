#!/usr/bin/env bash
# Exam-rush benchmark: workers start and submit the FINAL exam with open-loop arrivals, against the packaged
# service and a throwaway MariaDB. Run 1: all workers belong to one grassroots union, so every submission
# increments the same union's item-analysis counters. Run 2: the same number of workers spread over 100 unions.
# Run from the repository root:
#
#   bench/exam-rush/run.sh
#
# Environment (all optional):
#   EXAM_RUSH_WORKERS=2000     workers per run (one token and one attempt each, distinct subs)
#   EXAM_RUSH_WINDOW_S=60      arrivals are spread uniformly at random over this many seconds
#   EXAM_RUSH_UNIONS=100       unions of run 2
#   EXAM_RUSH_THINK_MS=0       pause between a worker's start answer and its submission
#   EXAM_RUSH_WARMUP=200       workers of another union who start and submit first over 10 s, untimed (0 = cold)
#   EXAM_RUSH_XMX=512m         service heap (-Xmx)
#   EXAM_RUSH_POOL=            QUARKUS_DATASOURCE_JDBC_MAX_SIZE; empty = the service's default (16)
#   EXAM_RUSH_TIMEOUT_S=30     seconds any single request may take
#   EXAM_RUSH_P99_MS=2000      the p99 target each timed run is checked against
#   EXAM_RUSH_WAIT_QUIET=0     wait up to this many seconds before each timed run for no Maven build and load < 1.5
#
# Prints the figures and the checks ("N passed, N failed"); exits 1 if a check failed.
# Output: bench/out/exam-rush/ (git-ignored): mariadb/, service.log, tokens-*.txt, driver-*.txt, results-<stamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/exam-rush" ]] || { echo "run me from the repository root" >&2; exit 2; }

WORKERS=${EXAM_RUSH_WORKERS:-2000}
WINDOW_S=${EXAM_RUSH_WINDOW_S:-60}
UNIONS=${EXAM_RUSH_UNIONS:-100}
THINK_MS=${EXAM_RUSH_THINK_MS:-0}
WARMUP=${EXAM_RUSH_WARMUP:-200}
XMX=${EXAM_RUSH_XMX:-512m}
POOL=${EXAM_RUSH_POOL:-}
TIMEOUT_S=${EXAM_RUSH_TIMEOUT_S:-30}
P99_MS=${EXAM_RUSH_P99_MS:-2000}
WAIT_QUIET=${EXAM_RUSH_WAIT_QUIET:-0}
OUT=$ROOT/bench/out/exam-rush
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md
SERVICE_LOG=$OUT/service.log

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
require_tools java javac curl openssl python3 mariadb
mkdir -p "$OUT"
LOAD_START=$(loadavg)
jar_ensure

# The driver reuses the quiz-load driver's JSON reader, CPU sampling and report rows.
compile_driver "$ROOT/bench/exam-rush/ExamRushDriver.java" "$OUT/driver-classes" "$ROOT/bench/quiz-load"
county_codes "$SKELETON"

db_start
if [[ -n "$POOL" ]]; then app_start QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$POOL"; else app_start; fi
ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-er-$STAMP")
ADMIN_TIMEOUT=120

# --- setup (not timed): the skeleton, the bench's grassroots unions, the notice and its FINAL ---------------
admin POST /api/v1/admin/orgs/import 200 -F "file=@$SKELETON;type=text/csv"
{
  echo "code,name,type,parent_code"
  echo "ER-ONE,考试高峰基层工会,GRASSROOTS,${COUNTIES[0]}"
  echo "ER-WARM,预热基层工会,GRASSROOTS,${COUNTIES[0]}"
  for ((u = 1; u <= UNIONS; u++)); do
    printf 'ER-%04d,考试分散基层工会%d,GRASSROOTS,%s\n' "$u" "$u" "${COUNTIES[$(((u - 1) % ${#COUNTIES[@]}))]}"
  done
} >"$OUT/unions.csv"
admin POST /api/v1/admin/orgs/import 200 -F "file=@$OUT/unions.csv;type=text/csv"
admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
admin GET /api/v1/admin/quizzes 200
read -r FINAL_ID FINAL_COUNT < <(python3 -c '
import json, sys
final = [q for q in json.load(open(sys.argv[1])) if q["kind"] == "FINAL" and q["active"]]
print(final[0]["id"], final[0]["questionCount"]) if final else print("", "")' "$OUT/response.json")
[[ -n "$FINAL_ID" ]] || die "the notice has no active FINAL quiz"
APPROVED=$(sql "SELECT COUNT(*) FROM question WHERE status='APPROVED'")
log "FINAL quiz $FINAL_ID draws $FINAL_COUNT of $APPROVED approved questions"

# mint_tokens <file> <sub prefix> <count> <union code | "spread">: worker tokens with distinct subs.
mint_tokens() {
  local file=$1 prefix=$2 count=$3 union=$4 u org
  : >"$file"
  for ((u = 1; u <= count; u++)); do
    org=$union
    [[ "$union" == spread ]] && org=$(printf 'ER-%04d' $(((u - 1) % UNIONS + 1)))
    mint_token "$(printf '%s-%05d' "$prefix" "$u")" '["worker"]' "$org" 7200 "$prefix-$STAMP-$u" >>"$file"
  done
}

# drive <label> <tokens file> <window s>: the open-loop driver; its output goes to $OUT/driver-<label>.*
drive() {
  timeout $(($3 + 3 * TIMEOUT_S + 120)) java -Xss512k -cp "$OUT/driver-classes" ExamRushDriver \
    --base "$BASE" --quiz "$FINAL_ID" --tokens "$2" --window-s "$3" --think-ms "$THINK_MS" --timeout-s "$TIMEOUT_S" \
    --report "$OUT/driver-$1.md" --pids "service=$APP_PID${DB_PID:+,mariadb=$DB_PID}" \
    >"$OUT/driver-$1.txt" 2>"$OUT/driver-$1.err" || die "the driver failed, see $OUT/driver-$1.err"
}

# The retries the service made so far (sum over operations and causes), from its metrics; "n/a" if unreadable.
retries_so_far() {
  curl -sS --max-time 10 "${METRICS_URL:-$BASE/q/metrics}" 2>/dev/null \
    | awk '/^study_db_lock_retries_total/ { s += $NF; n++ } /^study_db_lock_retries_exhausted_total/ { x += $NF }
           END { printf "%d %d\n", s, x }' || echo "n/a n/a"
}

PASSED=0 FAILED=0
declare -a CHECKS=() SUMMARY=()
check() { # check <description> <actual> <expected>
  if [[ "$2" == "$3" ]]; then PASSED=$((PASSED + 1)); CHECKS+=("PASS $1: $2"); else
    FAILED=$((FAILED + 1)); CHECKS+=("FAIL $1: $2, expected $3"); fi
}
check_at_most() { # check_at_most <description> <actual> <limit>
  if [[ "$2" =~ ^[0-9]+$ ]] && (($2 <= $3)); then PASSED=$((PASSED + 1)); CHECKS+=("PASS $1: $2 ≤ $3"); else
    FAILED=$((FAILED + 1)); CHECKS+=("FAIL $1: $2, limit $3"); fi
}

if ((WARMUP > 0)); then
  mint_tokens "$OUT/tokens-warmup.txt" er-warm "$WARMUP" ER-WARM
  log "warm-up: $WARMUP workers of ER-WARM over 10 s (not timed)"
  drive warmup "$OUT/tokens-warmup.txt" 10
fi

# timed_run <n> <label> <union code | spread> <SQL list of the run's union codes>
timed_run() {
  local n=$1 label=$2 union=$3 codes=$4 tokens=$OUT/tokens-run$1.txt start end retries0 retries1 drift
  log "run $n ($label): minting $WORKERS worker tokens"
  mint_tokens "$tokens" "er$n" "$WORKERS" "$union"
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  read -r retries0 _ < <(retries_so_far)
  log "run $n ($label): $WORKERS workers over $WINDOW_S s (load $(loadavg))"
  start=$(now)
  drive "run$n" "$tokens" "$WINDOW_S"
  end=$(now)
  read -r retries1 exhausted < <(retries_so_far)
  sed -n '/^RESULT /!p' "$OUT/driver-run$n.txt" >&2
  declare -A R=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$OUT/driver-run$n.txt")

  local in_run="JOIN worker w ON w.id = a.worker_id JOIN organization o ON o.id = w.org_id
                WHERE o.code IN ($codes) AND w.external_id LIKE 'er$n-%' AND a.quiz_id = $FINAL_ID"
  local stored submitted answers asked picks
  stored=$(sql "SELECT COUNT(*) FROM quiz_attempt a $in_run")
  submitted=$(sql "SELECT COUNT(*) FROM quiz_attempt a $in_run AND a.status = 'SUBMITTED'")
  answers=$(sql "SELECT COUNT(*) FROM attempt_answer x JOIN quiz_attempt a ON a.id = x.attempt_id $in_run")
  asked=$(sql "SELECT COALESCE(SUM(c.asked), 0) FROM org_question_count c JOIN organization o ON o.id = c.org_id
               WHERE o.code IN ($codes)")
  reconcile_job
  drift=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalDrift"])' "$OUT/response.json")

  check "run $n: requests that were not 2xx" "${R[errors]}" 0
  check "run $n: attempts stored = successful starts" "$stored" "${R[starts_ok]}"
  check "run $n: attempts stored as SUBMITTED = successful submissions" "$submitted" "${R[submits_ok]}"
  check "run $n: every worker submitted" "${R[submits_ok]}" "$WORKERS"
  check "run $n: org_question_count asked (sum over the run's unions) = answers stored" "$asked" "$answers"
  check "run $n: answers stored = submissions × $FINAL_COUNT" "$answers" "$((submitted * FINAL_COUNT))"
  check "run $n: reconciliation drift after the run" "$drift" 0
  check_at_most "run $n: start p99 ms" "${R[start_p99_ms]}" "$P99_MS"
  check_at_most "run $n: submit p99 ms" "${R[submit_p99_ms]}" "$P99_MS"

  SUMMARY+=("#### Run $n: $label ($(date '+%H:%M'), $(load_during "$start" "$end"), service peak RSS $(rss_peak "$start" "$end") MiB)")
  SUMMARY+=("" "$(cat "$OUT/driver-run$n.md")" "")
  SUMMARY+=("Lock-conflict retries during the run: $(awk -v a="$retries0" -v b="$retries1" 'BEGIN { if (a ~ /^[0-9]+$/ && b ~ /^[0-9]+$/) print b - a; else print "n/a" }') (503 after the last try since start: ${exhausted:-n/a}).")
  SUMMARY+=("Database: $stored attempts stored, $submitted submitted, $answers answers, org_question_count asked $asked, reconciliation drift $drift." "")
}

SPREAD_CODES=$(for ((u = 1; u <= UNIONS; u++)); do printf "%s'ER-%04d'" "$([[ $u == 1 ]] || echo ,)" "$u"; done)
timed_run 1 "one grassroots union" ER-ONE "'ER-ONE'"
timed_run 2 "spread over $UNIONS unions" spread "$SPREAD_CODES"
SERVICE_ERRORS=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
check "ERROR lines in the service log" "$SERVICE_ERRORS" 0

{
  echo "### Exam-rush benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}), JDBC pool max ${POOL:-16 (default)}; one service and database for both runs."
  echo "Database: $DB_DESC. Quiz: the notice's FINAL, $FINAL_COUNT questions per attempt from $APPROVED approved ones, shuffled per attempt."
  echo "Load: $WORKERS workers per run, each starting once at a planned time (open loop, ExamRushDriver.java, java.net.http async, HTTP/1.1) and submitting as soon as its start answers (think $THINK_MS ms); unknown workers, so each start also provisions its worker. $( ((WARMUP > 0)) && echo "Warm-up: $WARMUP workers of another union over 10 s just before." || echo "No warm-up.") The driver runs on the same 2 cores as the service and MariaDB."
  echo
  printf '%s\n' "${SUMMARY[@]}"
  echo "Checks:"
  printf '  %s\n' "${CHECKS[@]}"
  echo
  echo "$PASSED passed, $FAILED failed"
} | tee "$RESULTS"
log "results written to $RESULTS"
((FAILED == 0)) || exit 1
