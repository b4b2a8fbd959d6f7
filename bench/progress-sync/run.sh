#!/usr/bin/env bash
# Progress-sync benchmark: POST /api/v1/me/progress (phones sending queued reading events) against the packaged
# service and a throwaway MariaDB. Scenarios, each followed by a state check against the database:
#   1. batches of 50 events, closed loop, for each concurrency in BENCH_CONCURRENCY
#   2. single-event requests, same method
#   3. replay: BENCH_REPLAY_EVENTS events over BENCH_REPLAY_WORKERS workers, every event sent twice, shuffled, in
#      batches of 20; every event must be stored once, one copy ACCEPTED and the other DUPLICATE
#   4. scenario 1 again at the best concurrency with STUDY_STATS_LIVE_COUNTERS=false (service restarted)
# Run from the repository root:
#
#   bench/progress-sync/run.sh
#
# Environment (all optional):
#   BENCH_WORKERS=2000            distinct workers (tokens), round robin, orgs spread over the 44 county unions
#   BENCH_CONCURRENCY="8 16 32"   client counts for scenarios 1 and 2
#   BENCH_DURATION=20             seconds per timed run of scenarios 1, 2 and 4
#   BENCH_REPLAY_EVENTS=50000 BENCH_REPLAY_WORKERS=1000 BENCH_REPLAY_BATCH=20 BENCH_REPLAY_CONCURRENCY=16
#   BENCH_SPREAD_DAYS=30          occurredAt of generated events: uniformly within the last N days (fractions allowed)
#   BENCH_SPREAD_VARIANT=1        extra batch-50 run at the best concurrency with events of the last day only (the
#                                 counters do per-(worker, day) work, so the spread matters); 0 = skip
#   BENCH_SKIP_NO_COUNTERS=0      1 = skip scenario 4 (saves the ~35 s service stop and a restart)
#   BENCH_POOL=                   QUARKUS_DATASOURCE_JDBC_MAX_SIZE; empty = the service's default
#   BENCH_SERVICE_ENV=            more service settings, e.g. "STUDY_ADMISSION_ENABLED=false": the driver resends a
#                                 refused batch at once, not after Retry-After as phones do
#   BENCH_XMX=512m                service heap
#   BENCH_WAIT_QUIET=60           wait up to this many seconds before each timed run for no Maven build and load < 1.5
#   BENCH_TIMEOUT=60              seconds any single request may take
#   BENCH_JFR=0                   1 = Java Flight Recorder profiles of the live-counter service during the timed
#                                 batch-50 runs and the single-event runs, one file each (bench/lib/jfr_summary.py)
#   BENCH_SQL_LOG=0               1 = after the live-counter runs, 200 single-event requests (4 clients) with MariaDB's
#                                 general log on: the statements of each request, saved as general-<stamp>.log
#   BENCH_SECOND_CAMPAIGN=0       1 = publish a second campaign studying the notice for the whole tree (issue #13), so
#                                 every event counts in two campaigns
#   BENCH_SCENARIOS="batch single replay"  which of scenarios 1-3 to run (scenario 4 follows BENCH_SKIP_NO_COUNTERS
#                                 and needs "batch")
#
# Between timed runs the progress and statistics tables are emptied (TRUNCATE), so every run starts from the same
# state (provisioned workers, no progress) and its check compares the whole tables with what the driver expects.
# Output: bench/out/progress-sync/ (git-ignored): mariadb/, service-*.log, tokens.tsv, run-*.txt, innodb-*.txt,
# results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/progress-sync" ]] || { echo "run me from the repository root" >&2; exit 2; }

WORKERS=${BENCH_WORKERS:-2000}
CONCURRENCY=${BENCH_CONCURRENCY:-8 16 32}
DURATION=${BENCH_DURATION:-20}
REPLAY_EVENTS=${BENCH_REPLAY_EVENTS:-50000}
REPLAY_WORKERS=${BENCH_REPLAY_WORKERS:-1000}
REPLAY_BATCH=${BENCH_REPLAY_BATCH:-20}
REPLAY_CONCURRENCY=${BENCH_REPLAY_CONCURRENCY:-16}
SKIP_NO_COUNTERS=${BENCH_SKIP_NO_COUNTERS:-0}
POOL=${BENCH_POOL:-}
XMX=${BENCH_XMX:-512m}
WAIT_QUIET=${BENCH_WAIT_QUIET:-60}
REQUEST_TIMEOUT=${BENCH_TIMEOUT:-60}
JFR=${BENCH_JFR:-0}
SPREAD_DAYS=${BENCH_SPREAD_DAYS:-30}
SPREAD_VARIANT=${BENCH_SPREAD_VARIANT:-1}
SQL_LOG=${BENCH_SQL_LOG:-0}
SCENARIOS=" ${BENCH_SCENARIOS:-batch single replay} "
SECOND_CAMPAIGN=${BENCH_SECOND_CAMPAIGN:-0}
OUT=$ROOT/bench/out/progress-sync
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md

source "$ROOT/bench/lib/common.sh"
bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark empties tables between runs; BENCH_DB_URL is not supported"
((REPLAY_WORKERS <= WORKERS)) || die "BENCH_REPLAY_WORKERS must not exceed BENCH_WORKERS"

require_tools java javac curl openssl python3 mariadb
mkdir -p "$OUT"
LOAD_START=$(loadavg)
jar_ensure

DRIVER_CLASSES=$OUT/driver-classes
compile_driver "$ROOT/bench/progress-sync/ProgressDriver.java" "$DRIVER_CLASSES"
county_codes "$SKELETON"

# --- worker tokens: "sub TAB token", cached for 90 minutes (they live 2 h); two minting shards in parallel -------
TOKENS=$OUT/tokens.tsv
mint_shard() {  # mint_shard <from> <to>: subs bench-ps-<n>, org = county (n mod 44)
  local u
  for ((u = $1; u <= $2; u++)); do
    printf '%s\t%s\n' "$(printf 'bench-ps-%05d' "$u")" \
      "$(mint_token "$(printf 'bench-ps-%05d' "$u")" '["worker"]' "${COUNTIES[$(((u - 1) % ${#COUNTIES[@]}))]}" 7200 "bench-ps-$STAMP-$u")"
  done
}
if [[ -f "$TOKENS" && $(wc -l <"$TOKENS") -ge $WORKERS && -n "$(find "$TOKENS" -mmin -90)" ]]; then
  log "reusing $TOKENS (younger than 90 min)"
else
  log "minting $WORKERS worker tokens"
  half=$((WORKERS / 2))
  mint_shard 1 "$half" >"$OUT/tokens-a.tsv" &
  shard=$!
  mint_shard $((half + 1)) "$WORKERS" >"$OUT/tokens-b.tsv"
  wait "$shard"
  cat "$OUT/tokens-a.tsv" "$OUT/tokens-b.tsv" >"$TOKENS" && rm -f "$OUT/tokens-a.tsv" "$OUT/tokens-b.tsv"
fi
head -n "$WORKERS" "$TOKENS" >"$OUT/tokens-used.tsv"

db_start

ADMIN_TIMEOUT=120

start_service() {  # start_service <label> [VAR=value...]
  SERVICE_LOG=$OUT/service-$1.log
  shift
  local extra_env=()
  read -r -a extra_env <<<"${BENCH_SERVICE_ENV:-}"
  if [[ -n "$POOL" ]]; then set -- QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$POOL" "$@"; fi
  app_start "${extra_env[@]}" "$@"
}

# Every provisioned worker calls GET /api/v1/me once (8 at a time): provisions it (first start) and fills the
# service's caller cache (after a restart). Prints the status counts.
touch_workers() {
  cut -f2 "$OUT/tokens-used.tsv" | xargs -P 8 -I{} curl -sS --max-time 30 -o /dev/null -w '%{http_code}\n' \
    -H 'Authorization: Bearer {}' "$BASE/api/v1/me" | sort | uniq -c | tr -s ' \n' ' '
}

PROGRESS_TABLES="progress_event module_progress campaign_completion worker_campaign worker_active_day org_campaign_count org_module_count org_day_count org_channel_count"
reset_progress() {
  local t q="SET FOREIGN_KEY_CHECKS=0;"
  for t in $PROGRESS_TABLES; do q+=" TRUNCATE TABLE $t;"; done
  sql "$q SET FOREIGN_KEY_CHECKS=1;"
}

# "<row-lock waits> <ms waited for row locks> <deadlocks>", cumulative since MariaDB started
lock_status() {
  sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits','Innodb_row_lock_time','Innodb_deadlocks')" \
    | awk '{ v[$1] = $2 } END { printf "%d %d %d", v["Innodb_row_lock_waits"], v["Innodb_row_lock_time"], v["Innodb_deadlocks"] }'
}

# "<statements> <pings>" the server has received so far: Questions counts client statements (commit included),
# Com_admin_commands the COM_PING round trips of pool validation; both cumulative since MariaDB started
statement_status() {
  sql "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_admin_commands')" \
    | awk '{ v[$1] = $2 } END { printf "%d %d", v["Questions"], v["Com_admin_commands"] }'
}

declare -a TABLE=() NOTES=()
declare -A BEST=()

# timed <label> <scenario> <driver args...>: waits for a quiet machine, empties the progress tables, runs the
# driver, checks the database; appends a table row. Sets R (the driver's RESULT values).
timed() {
  local label=$1 scenario=$2 load0 load1 locks0 locks1 errs0 errs1 stmts0 stmts1 start end
  shift 2
  reset_progress
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  load0=$(loadavg) locks0=$(lock_status) stmts0=$(statement_status) errs0=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  log "$label: starting (load $load0)"
  start=$(now)
  timeout $((DURATION + 4 * REQUEST_TIMEOUT + 1900)) java -Xss512k -cp "$DRIVER_CLASSES" ProgressDriver --base "$BASE" \
    --tokens "$OUT/tokens-used.tsv" --modules "$MODULES" --timeout-s "$REQUEST_TIMEOUT" --duration-s "$DURATION" \
    --pids "service=$APP_PID,mariadb=$DB_PID" --label "$label" --mode "$scenario" --spread-days "$SPREAD_DAYS" "$@" \
    >"$OUT/run-$STAMP-$label.txt" 2>"$OUT/run-$STAMP-$label.err" || die "driver failed, see $OUT/run-$STAMP-$label.err"
  end=$(now)
  load1=$(loadavg) locks1=$(lock_status) stmts1=$(statement_status) errs1=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  cat "$OUT/run-$STAMP-$label.err" >&2
  unset R; declare -gA R=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$OUT/run-$STAMP-$label.txt")

  # --- state check ---
  local stored rows sp ss crc failed=""
  stored=$(sql "SELECT COUNT(*) FROM progress_event")
  read -r rows sp ss crc < <(sql "SELECT COUNT(*), COALESCE(SUM(mp.percent),0), COALESCE(SUM(mp.seconds_spent),0),
      COALESCE(SUM(CRC32(CONCAT(w.external_id, ':', mp.module_id, ':', mp.percent, ':', mp.seconds_spent))),0)
      FROM module_progress mp JOIN worker w ON w.id = mp.worker_id")
  [[ "$stored" == "${R[distinct_events_sent]}" ]] || failed+=" progress_event $stored ≠ distinct events sent ${R[distinct_events_sent]};"
  [[ "$stored" == "${R[accepted]}" ]] || failed+=" progress_event $stored ≠ ACCEPTED ${R[accepted]};"
  [[ "$rows $sp $ss $crc" == "${R[expected_rows]} ${R[expected_sum_percent]} ${R[expected_sum_seconds]} ${R[expected_crc]}" ]] \
    || failed+=" module_progress (rows, Σpercent, Σseconds, Σcrc32) = ($rows, $sp, $ss, $crc), expected (${R[expected_rows]}, ${R[expected_sum_percent]}, ${R[expected_sum_seconds]}, ${R[expected_crc]});"
  [[ "${R[errors]}" == none ]] || failed+=" HTTP errors ${R[errors]};"
  [[ "${R[rejected]}" == 0 ]] || failed+=" ${R[rejected]} REJECTED;"
  if [[ "$scenario" == replay ]]; then
    [[ "${R[accepted]} ${R[duplicate]}" == "$REPLAY_EVENTS $REPLAY_EVENTS" ]] || failed+=" ACCEPTED/DUPLICATE ${R[accepted]}/${R[duplicate]}, expected $REPLAY_EVENTS each;"
    [[ "${R[replay_pairs_ok]}" == "$REPLAY_EVENTS" ]] || failed+=" only ${R[replay_pairs_ok]} events got one ACCEPTED and one DUPLICATE;"
    [[ "${R[replay_order_violations]}" == 0 ]] || failed+=" ${R[replay_order_violations]} second copies (sent after the first's answer) not DUPLICATE;"
  elif [[ "${R[duplicate]}" != 0 ]]; then
    failed+=" ${R[duplicate]} DUPLICATE for fresh events;"
  fi
  local check="progress_event $stored (sent ${R[distinct_events_sent]} distinct), module_progress $rows rows Σ%=$sp Σs=$ss"
  [[ -z "$failed" ]] && check="OK: $check" || { check="FAILED:$failed"; log "$label: CHECK FAILED:$failed"; }
  read -r w0 t0 d0 <<<"$locks0"; read -r w1 t1 d1 <<<"$locks1"
  local lockline="$((w1 - w0)) row-lock waits, $((t1 - t0)) ms waited, $((d1 - d0)) deadlocks"
  sql "SHOW ENGINE INNODB STATUS" >"$OUT/innodb-$STAMP-$label.txt"
  # per request, counting the driver's requests only (the few statements of lock_status etc. are noise)
  local per_request
  per_request=$(awk -v a="$stmts0" -v b="$stmts1" -v n="${R[requests]}" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "%.1f statements + %.1f pings", (y[1] - x[1]) / n, (y[2] - x[2]) / n }')
  log "$label: $check; InnoDB: $lockline; per request: $per_request; service ERROR lines: $((errs1 - errs0))"
  TABLE+=("| $label | ${R[events_per_s]} | ${R[requests_per_s]} | ${R[p50_ms]} | ${R[p95_ms]} | ${R[p99_ms]} | ${R[errors]} | ${R[accepted]}/${R[duplicate]}/${R[rejected]} | ${R[cpu]//_/ } | $per_request | $lockline | $load0 → $load1 | $check |")
}

# --- setup (not timed) ---------------------------------------------------------------------------------------
start_service live
ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-ps-admin-$STAMP")
admin POST /api/v1/admin/orgs/import 200 -F "file=@$SKELETON;type=text/csv"
admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
if ((SECOND_CAMPAIGN)); then  # the notice in a second published campaign for the whole tree: each event counts twice
  NOTICE_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["notice"]["id"])' "$OUT/response.json")
  admin POST /api/v1/admin/campaigns 201 -H 'Content-Type: application/json' \
    --data "{\"title\":\"基准第二活动\",\"audience\":[\"QH\"],\"materials\":[$NOTICE_ID]}"
  CAMPAIGN_ID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/response.json")
  ETAG=$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/admin/campaigns/$CAMPAIGN_ID" \
    | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
  admin POST "/api/v1/admin/campaigns/$CAMPAIGN_ID/publish" 200 -H "If-Match: $ETAG"
  log "second campaign $CAMPAIGN_ID published with the notice for the whole tree"
fi
log "provisioning $WORKERS workers (GET /api/v1/me): $(touch_workers)"
PROVISIONED=$(sql "SELECT COUNT(*) FROM worker WHERE external_id LIKE 'bench-ps-%'")
[[ "$PROVISIONED" == "$WORKERS" ]] || die "$PROVISIONED workers provisioned, expected $WORKERS"
curl -fsS --max-time 30 -o "$OUT/modules.json" -H "Authorization: Bearer $(head -1 "$OUT/tokens-used.tsv" | cut -f2)" "$BASE/api/v1/modules"
MODULES=$(python3 -c 'import json,sys; print(",".join(str(m["id"]) for m in json.load(open(sys.argv[1]))))' "$OUT/modules.json")
log "modules: $MODULES"
(($(tr ',' '\n' <<<"$MODULES" | wc -l) == 19)) || log "WARNING: expected 19 modules"

warm_up() {  # not timed: one single-event request per worker, then 8 s of 50-event batches
  local saved=$DURATION
  DURATION=8
  timed warmup-1 load --batch 1 --concurrency 16 --max-requests "$WORKERS"
  timed warmup-50 load --batch 50 --concurrency 16
  DURATION=$saved
  TABLE=("${TABLE[@]:0:${#TABLE[@]}-2}")
}
warm_up

best() {  # best <prefix>: the label among the last rows with the highest events/s
  printf '%s\n' "${TABLE[@]}" | awk -F' \\| ' -v p="| $1" 'index($0, p) == 1 { if ($2 + 0 > m) { m = $2 + 0; b = $1 } } END { sub(/^\| /, "", b); print b }'
}

jfr_start() {  # jfr_start <name>: profiles the service until jfr_stop <name>
  [[ "$JFR" == 1 ]] || return 0
  jcmd "$APP_PID" JFR.configure stackdepth=512 >/dev/null || true
  jcmd "$APP_PID" JFR.start name="$1" settings=profile filename="$OUT/$1-$STAMP.jfr" >/dev/null
}
jfr_stop() {
  [[ "$JFR" == 1 ]] || return 0
  jcmd "$APP_PID" JFR.stop name="$1" >/dev/null && log "JFR profile of the $1 runs: $OUT/$1-$STAMP.jfr"
}

BEST_C=${CONCURRENCY##* }
if [[ "$SCENARIOS" == *" batch "* ]]; then
  jfr_start batch50
  for c in $CONCURRENCY; do timed "batch50-c$c" load --batch 50 --concurrency "$c"; done
  jfr_stop batch50
  BEST_C=$(best batch50-c); BEST_C=${BEST_C#batch50-c}
  BEST_EPS=$(printf '%s\n' "${TABLE[@]}" | grep "^| batch50-c$BEST_C " | awk -F' \\| ' '{ print $2 }')
  if [[ "$SPREAD_VARIANT" == 1 ]]; then
    timed "batch50-c$BEST_C-1day" load --batch 50 --concurrency "$BEST_C" --spread-days 1
  fi
fi
if [[ "$SCENARIOS" == *" single "* ]]; then
  jfr_start single
  for c in $CONCURRENCY; do timed "single-c$c" load --batch 1 --concurrency "$c"; done
  jfr_stop single
fi
if [[ "$SCENARIOS" == *" replay "* ]]; then
  timed replay replay --batch "$REPLAY_BATCH" --concurrency "$REPLAY_CONCURRENCY" --events "$REPLAY_EVENTS" \
    --workers "$REPLAY_WORKERS"
fi
if [[ "$SQL_LOG" == 1 ]]; then
  sql "SET GLOBAL general_log_file = '$OUT/general-$STAMP.log'; SET GLOBAL general_log = ON"
  timed sql-log-single load --batch 1 --concurrency 4 --max-requests 200
  sql "SET GLOBAL general_log = OFF"
  NOTES+=("General log of $(grep -c 'Query' "$OUT/general-$STAMP.log") statements of the 200 single-event requests of run sql-log-single: $OUT/general-$STAMP.log")
fi
# service CPU by thread group at the end of the live-counter runs (cumulative since start): JIT GC requests other
thread_split_live=$(thread_cpu "$APP_PID")

if [[ "$SKIP_NO_COUNTERS" != 1 && "$SCENARIOS" == *" batch "* ]]; then
  app_stop
  start_service nocounters STUDY_STATS_LIVE_COUNTERS=false
  log "after restart, touching the workers again: $(touch_workers)"
  warm_up
  timed "batch50-c$BEST_C-nocounters" load --batch 50 --concurrency "$BEST_C"
  [[ "$SPREAD_VARIANT" == 1 ]] && timed "batch50-c$BEST_C-1day-nocounters" load --batch 50 --concurrency "$BEST_C" --spread-days 1
  NC_EPS=$(printf '%s\n' "${TABLE[@]}" | grep "^| batch50-c$BEST_C-nocounters " | awk -F' \\| ' '{ print $2 }')
  NOTES+=("Statistics counters: batch50-c$BEST_C $BEST_EPS events/s with live counters vs $NC_EPS without: the counters cost $(awk -v a="$BEST_EPS" -v b="$NC_EPS" 'BEGIN { printf "%.0f", (b > 0 ? 100 * (b - a) / b : 0) }') % of the throughput without them (product limit 15 %).")
fi

{
  echo "### Progress-sync benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}), JDBC pool max ${POOL:-default}."
  echo "Database: $DB_DESC. $WORKERS provisioned workers (round robin; orgs spread over ${#COUNTIES[@]} county unions), $(tr ',' '\n' <<<"$MODULES" | wc -l) modules."
  echo "Events: random module, percent 0–100, seconds 0–3600, channel, occurredAt uniformly within the last $SPREAD_DAYS days unless the run says otherwise."
  echo "Closed loop, $DURATION s per run, java.net.http HTTP/1.1 from the same 2 cores; progress and statistics tables emptied before each run; warm-up before the first run of each service start."
  echo "Replay: $REPLAY_EVENTS events over $REPLAY_WORKERS workers, each sent twice, shuffled, batches of $REPLAY_BATCH, $REPLAY_CONCURRENCY clients."
  echo
  echo "| run | events/s | requests/s | p50 ms | p95 ms | p99 ms | errors | ACC/DUP/REJ | CPU during the run | SQL per request | InnoDB locks | load avg before → after | state check |"
  echo "|---|---:|---:|---:|---:|---:|---|---|---|---|---|---|---|"
  printf '%s\n' "${TABLE[@]}"
  echo
  echo "Service CPU seconds since start by thread group after the live-counter runs (JIT GC requests other): $thread_split_live."
  printf '%s\n' "${NOTES[@]}"
} | tee "$RESULTS"
log "results written to $RESULTS"
grep -q 'FAILED:' "$RESULTS" && die "a check failed, see $RESULTS"
exit 0
