#!/usr/bin/env bash
# First calls of new workers racing each other on two service instances that share one database: the packaged jar
# started twice (two JVMs, two ports, two connection pools, two caches) against one throwaway MariaDB. Each round
# mints tokens for BENCH_WORKERS new workers of one union, BENCH_CALLS tokens per worker (own jti each), and sends
# all of them at once, the calls of one worker side by side and alternating between the two instances. Nothing in
# one JVM can serialise the other's calls, so only the database decides who provisions each worker.
# Checks after each round, against the database:
#   - every call answered 200 (any other status is listed with its body);
#   - each worker has exactly one row;
#   - org_worker_count of the union equals its worker rows (each worker counted once, by the call that made it).
# Run from the repository root:
#
#   bench/first-calls/run.sh
#
# Environment (all optional):
#   BENCH_WORKERS=40      new workers per round
#   BENCH_CALLS=6         simultaneous first calls per worker (half to each instance)
#   BENCH_ROUNDS=3        rounds, each with new workers
#   BENCH_PARALLEL=48     curl processes in flight at once
#   BENCH_XMX=256m        heap of each instance
# Output: bench/out/first-calls/ (git-ignored): mariadb/, service-a.log, service-b.log, results-<timestamp>.md.
# Prints "N passed, M failed" and exits non-zero when a check failed.
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/first-calls" ]] || { echo "run me from the repository root" >&2; exit 2; }

WORKERS=${BENCH_WORKERS:-40}
CALLS=${BENCH_CALLS:-6}
ROUNDS=${BENCH_ROUNDS:-3}
PARALLEL=${BENCH_PARALLEL:-48}
XMX=${BENCH_XMX:-256m}
OUT=$ROOT/bench/out/first-calls
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark needs its own throwaway MariaDB; BENCH_DB_URL is not supported"
require_tools java curl openssl mariadb xargs
mkdir -p "$OUT"
LOAD_START=$(loadavg)
jar_ensure

FIRST_PID=
bench_on_exit() { stop_pid "$FIRST_PID" 40; }

db_start
SERVICE_LOG=$OUT/service-a.log app_start
FIRST_PID=$APP_PID BASE_A=$BASE
SERVICE_LOG=$OUT/service-b.log app_start
BASE_B=$BASE
log "instance A on $BASE_A (pid $FIRST_PID), instance B on $BASE_B (pid $APP_PID), one database"

ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH)
admin POST /api/v1/admin/orgs/import 200 -F "file=@$SKELETON;type=text/csv"
county_codes "$SKELETON"
UNION=${COUNTIES[0]}

PASSED=0 FAILED=0
check() { # check <description> <expected> <actual>
  if [[ "$2" == "$3" ]]; then
    PASSED=$((PASSED + 1)); log "ok   $1: $3"
  else
    FAILED=$((FAILED + 1)); log "FAIL $1: expected $2, got $3"; echo "- FAIL $1: expected $2, got $3" >>"$RESULTS"
  fi
}

{
  echo "# First calls on two instances sharing one database ($STAMP)"
  echo
  machine_line
  echo "Database: $DB_DESC. Instances: 2 × packaged jar, -Xmx$XMX. Union: $UNION."
  echo "Per round: $WORKERS new workers × $CALLS simultaneous first calls, alternating between the instances, $PARALLEL in flight."
  echo
} >"$RESULTS"

for ((round = 1; round <= ROUNDS; round++)); do
  calls=$OUT/calls-$round.tsv
  : >"$calls"
  for ((w = 0; w < WORKERS; w++)); do
    for ((c = 0; c < CALLS; c++)); do
      base=$BASE_A; ((c % 2)) && base=$BASE_B
      printf '%s\t%s\n' "$base" "$(mint_token "fc-$STAMP-r$round-w$w" '["worker"]' "$UNION" 3600 "fc-$round-$w-$c")" >>"$calls"
    done
  done
  statuses=$OUT/statuses-$round.txt
  start=$(now)
  # shellcheck disable=SC2016
  xargs -P "$PARALLEL" -L 1 -a "$calls" sh -c 'curl -sS --max-time 60 -o /dev/null -w "%{http_code}\n" \
    -H "Authorization: Bearer $1" "$0/api/v1/me" || echo curl-error' >"$statuses"
  took=$(elapsed "$start" "$(now)")
  total=$((WORKERS * CALLS))
  ok=$(grep -c '^200$' "$statuses" || true)
  log "round $round: $total calls in $took s, $ok answered 200"
  echo "Round $round: $total calls in $took s; statuses: $(sort "$statuses" | uniq -c | awk '{ printf "%s%s×%s", sep, $2, $1; sep=", " }')." >>"$RESULTS"
  check "round $round: calls answered 200" "$total" "$ok"
  check "round $round: workers with a row" "$WORKERS" \
    "$(sql "SELECT COUNT(DISTINCT external_id) FROM worker WHERE external_id LIKE 'fc-$STAMP-r$round-%'")"
  check "round $round: workers with more than one row" 0 \
    "$(sql "SELECT COUNT(*) FROM (SELECT external_id FROM worker WHERE external_id LIKE 'fc-$STAMP-r$round-%'
            GROUP BY external_id HAVING COUNT(*) > 1) d")"
  rows=$(sql "SELECT COUNT(*) FROM worker w JOIN organization o ON o.id = w.org_id WHERE o.code = '$UNION'")
  check "round $round: org_worker_count of $UNION equals its worker rows" "$rows" \
    "$(sql "SELECT COALESCE(SUM(c.workers), 0) FROM org_worker_count c JOIN organization o ON o.id = c.org_id
            WHERE o.code = '$UNION'")"
done

errors=$(cat "$OUT/service-a.log" "$OUT/service-b.log" | grep -c ' ERROR ' || true)
check "ERROR lines in both service logs" 0 "$errors"
{
  echo
  echo "Result: $PASSED passed, $FAILED failed."
} >>"$RESULTS"
log "results in $RESULTS"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
