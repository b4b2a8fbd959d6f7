#!/usr/bin/env bash
# Statistics at the scale of the whole province (issues #6 and #13): loads a throwaway MariaDB with 1 province,
# 8 cities, 44 counties, 40 industry and direct unions, 10,000 grassroots unions, 1,000,000 workers and two
# published campaigns for all of them (the notice, 60 days; the Central Committee's decision, 30 days), their
# module_progress rows with their raw events and quiz attempts with their answers, builds the counters with the
# service's reconciliation, then measures each campaign's dashboards and 1M-row export against the packaged jar at
# -Xmx512m.
# Run from the repository root, without an outer flock (the script takes /tmp/study-bench.lock itself: shared
# while loading, exclusive while measuring):
#
#   bench/stats-scale/run.sh            # load (~11 min on this machine) and measure
#   bench/stats-scale/run.sh --reuse    # measure on the database a previous run left in bench/out/stats-scale
#
# Environment (all optional):
#   BENCH_WORKERS=1000000 BENCH_GRASSROOTS=10000   size of the province
#   BENCH_REQUESTS=300 BENCH_WARMUP=50             requests per dashboard endpoint after the warm-up
#   BENCH_CONCURRENCY="1 4"                        client threads of the dashboard runs
#   BENCH_EXPORT_FORMATS="csv xlsx"                formats of the province's workers export
#   BENCH_XMX=512m BENCH_DB_BUFFER_POOL=4G         service heap, MariaDB buffer pool
#   BENCH_WAIT_QUIET=120                           wait up to this many seconds for a quiet machine before measuring
#   BENCH_LOCK=1                                   0 = take no lock (when an outer flock already holds it)
#   BENCH_PARTS="dashboards exports writes reconcile"  what to measure; writes = progress with live counters on,
#                                                  then off; reconcile = ceiling, full rebuild, full check (add
#                                                  writes-during-rebuild for progress single events during a rebuild);
#                                                  nightly = only the nightly CHANGED check after activity, on
#                                                  counters a previous run verified (--reuse);
#   BENCH_NIGHTLY_ROUNDS=1                         nights in a row (activity, then the check): a --reuse start
#                                                  restarts MariaDB, so round 1 reads a cold buffer pool
#   BENCH_NIGHTLY_QUIZZES=50                       module quizzes submitted in each night's activity (0: reading only)
#                                                  add console for the province dashboard in chromium
#                                                  (bench/console-render)
#   BENCH_WRITE_WORKERS=1000 BENCH_WRITE_SECONDS=20  workers and seconds of each writes run
#   BENCH_WRITE_ORDER="true false"                 live counters of the writes runs, in order ("false true" to swap)
#   BENCH_DB_URL=jdbc:mysql://host:port/db         an existing empty server instead of the throwaway MariaDB
# Output: bench/out/stats-scale/ (git-ignored): mariadb/ (kept for --reuse), data/, service-*.log, gc-*.log,
# results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/stats-scale" ]] || { echo "run me from the repository root" >&2; exit 2; }
REUSE=0
[[ "${1:-}" == --reuse ]] && REUSE=1
WORKERS=${BENCH_WORKERS:-1000000}
GRASSROOTS=${BENCH_GRASSROOTS:-10000}
REQUESTS=${BENCH_REQUESTS:-300}
WARMUP=${BENCH_WARMUP:-50}
CONCURRENCY=${BENCH_CONCURRENCY:-1 4}
EXPORT_FORMATS=${BENCH_EXPORT_FORMATS:-csv xlsx}
XMX=${BENCH_XMX:-512m}
WAIT_QUIET=${BENCH_WAIT_QUIET:-120}
LOCK=${BENCH_LOCK:-1}
PARTS=${BENCH_PARTS:-dashboards exports writes reconcile}
DB_BUFFER_POOL=${BENCH_DB_BUFFER_POOL:-4G}
NIGHTLY_ROUNDS=${BENCH_NIGHTLY_ROUNDS:-1}
NIGHTLY_QUIZZES=${BENCH_NIGHTLY_QUIZZES:-50}
# A redo log large enough that the bulk load is not throttled by checkpoints (the default is 96 MiB), and a
# temporary directory of our own: other processes cleaning /tmp broke a 1M-row import once.
DB_EXTRA_ARGS="--innodb-log-file-size=1G --tmpdir=$ROOT/bench/out/stats-scale/mariadb-tmp"
OUT=$ROOT/bench/out/stats-scale
DATA=$OUT/data
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md
# The second campaign's document: the Central Committee's decision of 29 October 2022 (the dev seed's too).
SECOND_NOTICE=$ROOT/src/main/resources/notice/cpc-decision-2022-10-29.md
SECOND_CAMPAIGN_DAYS=30
HERE=$ROOT/bench/stats-scale

source "$ROOT/bench/lib/common.sh"
bench_args --reuse -- "$@"
source "$HERE/load.sh"
source "$HERE/writes.sh"
source "$HERE/reconcile.sh"
bench_install_traps
require_tools java javac curl openssl python3 mariadb jcmd
mkdir -p "$OUT" "$DATA" "$OUT/mariadb-tmp"
LOAD_START=$(loadavg)
jar_ensure
DB_REUSE=$REUSE
export DB_BUFFER_POOL

exec 9>/tmp/study-bench.lock
lock() { ((LOCK == 0)) || flock "$@" 9; }

declare -a PHASES=() ENDPOINTS=() EXPORTS=() WRITES=() RECONCILES=() CAMPAIGNS=() CEILED=() CONSOLE=()
declare -A P95=()

ADMIN_TIMEOUT=3600

start_service() {  # start_service <label> [VAR=value...]: the service with a GC log, so its heap can be reported
  SERVICE_LOG=$OUT/service-$1-$STAMP.log GC_LOG=$OUT/gc-$1-$STAMP.log
  shift
  XMX=$XMX app_start JAVA_TOOL_OPTIONS="-Xlog:gc:file=$GC_LOG:uptime" "$@"
}

# --- load (shared lock) ---------------------------------------------------------------------------------
lock -s
db_start
if ((REUSE)) && [[ "$(sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'worker'")" == 1 ]] \
    && [[ "$(sql "SELECT COUNT(*) FROM module_progress")" -gt 0 ]]; then
  log "reusing the loaded database: $(sql "SELECT COUNT(*) FROM worker") workers"
  if [[ "$(sql "SELECT COUNT(*) FROM org_campaign_count")" == 0 ]]; then
    mapfile -t CAMPAIGNS < <(sql "SELECT id FROM campaign WHERE status = 'PUBLISHED' ORDER BY id")
    log "the counters were never built (an interrupted load): building them"
    start_service load
    ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-stats-load-$STAMP")
    build_counters
    verify_load
    app_stop
  fi
  start_service bench
else
  ((REUSE == 0)) || log "nothing to reuse in $OUT/mariadb: loading"
  [[ -z "${BENCH_DB_URL:-}" ]] || [[ "$(sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")" == 0 ]] \
    || die "the database of BENCH_DB_URL is not empty"
  load_province
  log "restarting the service for the measurements"
  app_stop
  start_service bench
fi
mapfile -t CAMPAIGNS < <(sql "SELECT id FROM campaign WHERE status = 'PUBLISHED' ORDER BY id")
((${#CAMPAIGNS[@]} == 2)) || die "expected two published campaigns, found ${#CAMPAIGNS[@]}: reload without --reuse"
ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-stats-admin-$STAMP")
printf '%s' "$ADMIN_TOKEN" >"$OUT/admin.token"
lock -u

# --- measure (exclusive lock) ---------------------------------------------------------------------------
lock
source "$HERE/measure.sh"
[[ " $PARTS " == *" dashboards "* ]] && measure_dashboards
[[ " $PARTS " == *" exports "* ]] && measure_exports
[[ " $PARTS " == *" writes "* ]] && measure_writes
[[ " $PARTS " == *" reconcile "* ]] && measure_reconcile
[[ " $PARTS " == *" nightly "* && " $PARTS " != *" reconcile "* ]] && nightly_incremental
[[ " $PARTS " == *" console "* ]] && measure_console
lock -u

{
  echo "# Statistics at scale, $STAMP"
  echo
  machine_line
  echo "Service: -Xmx$XMX (${HEAP:-?}), ${GC:-?}; database: $DB_DESC."
  echo "Data: $(sql "SELECT CONCAT((SELECT COUNT(*) FROM organization), ' orgs, ', (SELECT COUNT(*) FROM worker), ' workers, ',
      (SELECT COUNT(*) FROM module_progress), ' module_progress, ', (SELECT COUNT(*) FROM progress_event), ' progress_event, ',
      (SELECT COUNT(*) FROM quiz_attempt), ' quiz_attempt, ', (SELECT COUNT(*) FROM attempt_answer), ' attempt_answer, ',
      (SELECT COUNT(*) FROM campaign_completion), ' campaign_completion')")."
  echo
  if ((${#PHASES[@]})); then
    echo "| load phase | rows | seconds | load average after |"
    echo "|---|---:|---:|---|"
    printf '%s\n' "${PHASES[@]}"
    echo
  fi
  if ((${#ENDPOINTS[@]})); then
    echo "| endpoint | clients | requests | errors | p50 ms | p95 ms | p99 ms | max ms | bytes | target | load average |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"
    printf '%s\n' "${ENDPOINTS[@]}"
    echo
  fi
  if ((${#CEILED[@]})); then
    echo "Each dashboard's p95 beside the statements it needs run directly (QueryCeiling.java: bare JDBC, same clients):"
    echo
    echo "| endpoint | clients | p95 × ceiling | p95 ms | ceiling p95 ms | ceiling p50 / p99 ms | rows |"
    echo "|---|---:|---:|---:|---:|---|---:|"
    printf '%s\n' "${CEILED[@]}"
    echo
  fi
  if ((${#EXPORTS[@]})); then
    echo "| export | rows in file | seconds | MiB | service peak RSS MiB | heap peak used / committed MiB | target | load average |"
    echo "|---|---:|---:|---:|---:|---|---|---|"
    printf '%s\n' "${EXPORTS[@]}"
    echo
  fi
  if ((${#RECONCILES[@]})); then
    echo "| reconciliation | rows drifted | seconds | ceiling s | × ceiling | target | load average after |"
    echo "|---|---:|---:|---:|---:|---|---|"
    printf '%s\n' "${RECONCILES[@]}"
    echo
  fi
  if ((${#CONSOLE[@]})); then
    echo "The province admin's dashboard in headless chromium (bench/console-render, 1440 × 900, warm HTTP cache):"
    echo
    echo "| dashboard | timed | p50 ms | p95 ms | max ms | load average |"
    echo "|---|---|---:|---:|---:|---|"
    printf '%s\n' "${CONSOLE[@]}"
    echo
  fi
  if ((${#WRITES[@]})); then
    echo "| progress writes | clients | live counters | events/s | requests/s | p50 / p95 / p99 ms | accepted | load average |"
    echo "|---|---:|---|---:|---:|---|---:|---|"
    printf '%s\n' "${WRITES[@]}"
  fi
} >"$RESULTS"
cat "$RESULTS"
log "results: $RESULTS"
