#!/usr/bin/env bash
# Progress-sync benchmark: POST /api/v1/me/progress (phones sending queued reading events) against the packaged
# service and a throwaway MariaDB. Scenarios, each followed by a state check against the database:
#   1. batches of 50 events, closed loop, for each concurrency in BENCH_CONCURRENCY
#   2. single-event requests, same method
#   3. replay: BENCH_REPLAY_EVENTS events over BENCH_REPLAY_WORKERS workers, every event sent twice, shuffled, in
#      batches of 20; every event must be stored once, one copy ACCEPTED and the other DUPLICATE
#   4. scenario 1 again at the best concurrency with STUDY_STATS_LIVE_COUNTERS=false (service restarted)
# and, for issue #16, every figure beside a ceiling measured in the same run on the same database:
#   - right after each run of scenarios 1 and 2, the same closed loop through ProgressCeiling.java: bare JDBC (the
#     service's Connector/J and connection settings) doing the fewest statements that leave the same rows
#   - floor: an authenticated, cached GET /api/v1/me at each concurrency; the single-event request's service CPU is
#     reported as a multiple of it, and of the floor plus the ceiling JVM's CPU per event (what a service doing only
#     those two would cost)
#   - reads: GET /api/v1/modules/{id} (200) and revalidated (304), then the same bytes as static files served by
#     StaticServer.java (Vert.x Web's StaticHandler from the service's own jars), 200 and 304
#   - equivalence: the same fixed input sent through the service and through the ceiling, every stored row compared
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
#   BENCH_JFR=0                   1 = a Java Flight Recorder profile of the service during each timed batch-50,
#                                 single-event and 304 module-read run, one file each (bench/lib/jfr_summary.py); it
#                                 slows the service, so take the ratios from a run without it
#   BENCH_SQL_LOG=0               1 = after the live-counter runs, 200 single-event requests and 20 batches of 50 (4
#                                 clients) with MariaDB's general log on, through the service and through the ceiling:
#                                 the statements of each request by kind (bench/lib/sql_log_summary.py), logs saved as
#                                 general-<stamp>-<target>-<kind>.log
#   BENCH_SECOND_CAMPAIGN=0       1 = publish a second campaign studying the notice for the whole tree (issue #13), so
#                                 every event counts in two campaigns
#   BENCH_SCENARIOS="batch single replay floor reads"  which to run (scenario 4 follows BENCH_SKIP_NO_COUNTERS
#                                 and needs "batch")
#   BENCH_CEILING=1               0 = no JDBC ceiling runs beside scenarios 1 and 2
#   BENCH_DRIVER_WARMUP=3         seconds each driver JVM runs its loop before the measured BENCH_DURATION (its calls
#                                 count in the state check, not in the figures)
#   BENCH_CEILING_WARMUP=8        the same for the ceiling's JVM, which does the work itself and starts cold (the
#                                 service was warmed up before its first run)
#   BENCH_EQUIVALENCE=1           0 = skip the equivalence check of the ceiling (service vs ceiling, same input)
#   BENCH_LOCK=exclusive          /tmp/study-bench.lock: exclusive, shared (development runs) or 0 (an outer flock)
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
SCENARIOS=" ${BENCH_SCENARIOS:-batch single replay floor reads} "
CEILING=${BENCH_CEILING:-1}
DRIVER_WARMUP=${BENCH_DRIVER_WARMUP:-3}
CEILING_WARMUP=${BENCH_CEILING_WARMUP:-8}
EQUIVALENCE=${BENCH_EQUIVALENCE:-1}
SECOND_CAMPAIGN=${BENCH_SECOND_CAMPAIGN:-0}
OUT=$ROOT/bench/out/progress-sync
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark empties tables between runs; BENCH_DB_URL is not supported"
((REPLAY_WORKERS <= WORKERS)) || die "BENCH_REPLAY_WORKERS must not exceed BENCH_WORKERS"

require_tools java javac curl openssl python3 mariadb
mkdir -p "$OUT"
bench_lock
LOAD_START=$(loadavg)
jar_ensure

DRIVER_CLASSES=$OUT/driver-classes
compile_driver "$ROOT/bench/progress-sync/ProgressDriver.java" "$DRIVER_CLASSES"
CEILING_CLASSES=$OUT/ceiling-classes
compile_driver "$ROOT/bench/progress-sync/ProgressCeiling.java" "$CEILING_CLASSES" "$ROOT/bench/progress-sync"
CONNECTOR=$(connector_jar)
county_codes "$SKELETON"

# --- worker tokens: "sub TAB token", cached for 90 minutes (they live 2 h); subs bench-ps-<n>, org = county (n mod 44)
TOKENS=$OUT/tokens.tsv
if [[ -f "$TOKENS" && $(wc -l <"$TOKENS") -ge $WORKERS && -n "$(find "$TOKENS" -mmin -90)" ]]; then
  log "reusing $TOKENS (younger than 90 min)"
else
  log "minting $WORKERS worker tokens"
  for ((u = 1; u <= WORKERS; u++)); do
    printf 'bench-ps-%05d\t["worker"]\t%s\t7200\tbench-ps-%s-%d\n' "$u" "${COUNTIES[$(((u - 1) % ${#COUNTIES[@]}))]}" "$STAMP" "$u"
  done | mint_tokens >"$TOKENS"
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

# Every provisioned worker calls GET /api/v1/me once, from one driver JVM with 16 clients (thousands of curl forks
# take minutes on a busy machine): provisions it (first start) and fills the service's caller cache. Prints the
# driver's count of answers and errors.
touch_workers() {
  java -cp "$DRIVER_CLASSES" ProgressDriver --base "$BASE" --tokens "$OUT/tokens-used.tsv" --mode get \
    --paths /api/v1/me --concurrency 16 --max-requests "$WORKERS" --duration-s 900 --timeout-s "$REQUEST_TIMEOUT" \
    --label touch 2>/dev/null | awk -F= '/^RESULT (requests_all|errors)=/ { sub(/^RESULT /, ""); printf "%s ", $0 }'
}

PROGRESS_TABLES="progress_event module_progress worker_credit campaign_completion worker_campaign worker_active_day org_campaign_count org_module_count org_day_count org_channel_count"
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

declare -a TABLE=() NOTES=() SQL_TABLES=()
declare -A BEST=() RUNS=()

# drive <label> <scenario> <driver args...>: one closed-loop run against TARGET (service, the default; ceiling: the
# JDBC ceiling; static: StaticServer) into run-<stamp>-<label>.txt/.err
drive() {
  local label=$1 scenario=$2 base=$BASE cmd
  shift 2
  case "${TARGET:-service}" in
    service) cmd=(ProgressDriver) ;;
    static) cmd=(ProgressDriver) base=$STATIC_BASE ;;
    ceiling) cmd=(ProgressCeiling --jdbc "$(ceiling_jdbc_url)" --user "$DB_USER" --password "$DB_PASSWORD"
                  --module-multiple "$(app_property study.progress.credit.module-multiple)"
                  --completion-fraction "$(app_property study.progress.credit.completion-minimum-fraction)"
                  --chars-per-minute "$(app_property study.content.reading-chars-per-minute)") ;;
  esac
  timeout $((DURATION + 4 * REQUEST_TIMEOUT + 1900)) java -Xss512k -cp "$DRIVER_CLASSES:$CEILING_CLASSES:$CONNECTOR" \
    "${cmd[@]}" --base "$base" \
    --tokens "$OUT/tokens-used.tsv" --modules "$MODULES" --timeout-s "$REQUEST_TIMEOUT" --duration-s "$DURATION" \
    --pids "service=$APP_PID,mariadb=$DB_PID${STATIC_PID:+,static=$STATIC_PID}" --label "$label" --mode "$scenario" \
    --spread-days "$SPREAD_DAYS" --warmup-s "$DRIVER_WARMUP" "$@" \
    >"$OUT/run-$STAMP-$label.txt" 2>"$OUT/run-$STAMP-$label.err" || die "driver failed, see $OUT/run-$STAMP-$label.err"
}

# timed <label> <scenario> <driver args...>: waits for a quiet machine, empties the progress tables, runs the
# driver against TARGET, checks the database; appends a table row. Sets R (the driver's RESULT values).
timed() {
  local label=$1 scenario=$2 load0 load1 locks0 locks1 errs0 errs1 stmts0 stmts1 start end
  shift 2
  # The service remembers a caller for 5 minutes after resolving it (CallerService, expiry after write: a hit does not
  # renew it); past that, a worker's next request resolves it again in a transaction of its own. So that every run
  # of the service meets cached callers, a run that would outlast the first resolutions of the last touch waits until
  # the last ones have expired too, and all workers are touched (resolved) again first.
  if [[ "${TARGET:-service}" == service ]] && (($(date +%s) + DRIVER_WARMUP + DURATION + 30 > TOUCHED + 295)); then
    local expire=$((TOUCHED_END + 301 - $(date +%s)))
    if ((expire > 0)); then
      log "waiting $expire s until the callers resolved at the last touch have expired"
      sleep "$expire"
    fi
    retouch
  fi
  reset_progress
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  load0=$(loadavg) locks0=$(lock_status) stmts0=$(statement_status) errs0=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  log "$label: starting (load $load0)"
  start=$(now)
  drive "$label" "$scenario" "$@"
  end=$(now)
  load1=$(loadavg) locks1=$(lock_status) stmts1=$(statement_status) errs1=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  cat "$OUT/run-$STAMP-$label.err" >&2
  unset R; declare -gA R=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$OUT/run-$STAMP-$label.txt")
  RUNS[$label]="${R[events_per_s]} ${R[requests_per_s]} ${R[requests]} ${R[cpu_service]} ${R[cpu_mariadb]} ${R[cpu_driver]} ${R[body_bytes]} ${R[p50_ms]} ${R[p95_ms]} ${R[cpu_static]:-0}"

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
  per_request=$(awk -v a="$stmts0" -v b="$stmts1" -v n="${R[requests_all]}" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "%.1f statements + %.1f pings", (y[1] - x[1]) / n, (y[2] - x[2]) / n }')
  log "$label: $check; InnoDB: $lockline; per request: $per_request; service ERROR lines: $((errs1 - errs0))"
  TABLE+=("| $label | ${TARGET:-service} | ${R[events_per_s]} | ${R[requests_per_s]} | ${R[p50_ms]} | ${R[p95_ms]} | ${R[p99_ms]} | ${R[errors]} | ${R[accepted]}/${R[duplicate]}/${R[rejected]} | ${R[cpu]//_/ } | $per_request | $lockline | $load0 → $load1 | $check |")
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
# retouch: touches every worker; TOUCHED and TOUCHED_END bound when their callers were resolved
retouch() {
  TOUCHED=$(date +%s)
  log "${1:-touching the workers again}: $(touch_workers)"
  TOUCHED_END=$(date +%s)
}
retouch "provisioning $WORKERS workers (GET /api/v1/me)"
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
  printf '%s\n' "${TABLE[@]}" | awk -F' \\| ' -v p="| $1" 'index($0, p) == 1 { if ($3 + 0 > m) { m = $3 + 0; b = $1 } } END { sub(/^\| /, "", b); print b }'
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

# --- ceilings ----------------------------------------------------------------------------------------------
STATIC_PID= STATIC_BASE=
bench_on_exit() { stop_pid "$STATIC_PID" 10; }

# Module reads through the service (200, then 304 revalidated with the ETag), then the same bytes as static files
# through StaticServer (200, then 304 revalidated with Last-Modified), at each concurrency.
module_reads() {
  local dir=$OUT/static id paths="" static_paths="" token c classes=$OUT/static-classes i
  rm -rf "$dir" && mkdir -p "$dir"
  token=$(head -1 "$OUT/tokens-used.tsv" | cut -f2)
  for id in ${MODULES//,/ }; do
    curl -fsS --max-time 30 -o "$dir/module-$id.json" -H "Authorization: Bearer $token" "$BASE/api/v1/modules/$id" \
      || die "GET /api/v1/modules/$id failed"
    paths+="${paths:+,}/api/v1/modules/$id" static_paths+="${static_paths:+,}/static/module-$id.json"
  done
  compile_static_server "$classes"
  STATIC_BASE=http://127.0.0.1:$(free_port)
  java "-Xmx$XMX" -cp "$classes:$(dirname "$JAR")/lib/main/*" StaticServer --dir "$dir" --port "${STATIC_BASE##*:}" \
    >"$OUT/static-server-$STAMP.log" 2>&1 &
  STATIC_PID=$!
  for ((i = 0; i < 300; i++)); do
    grep -qs '^READY' "$OUT/static-server-$STAMP.log" && break
    kill -0 "$STATIC_PID" 2>/dev/null || die "StaticServer exited, see $OUT/static-server-$STAMP.log"
    sleep 0.2
  done
  grep -q '^READY' "$OUT/static-server-$STAMP.log" || die "StaticServer not ready within 60 s"
  log "static server pid $STATIC_PID: $(head -1 "$OUT/static-server-$STAMP.log"), $(du -sb "$dir" | cut -f1) bytes in $(ls "$dir" | wc -l) files"
  for c in $CONCURRENCY; do
    timed "reads-200-c$c" get --paths "$paths" --concurrency "$c"
    TARGET=static timed "static-200-c$c" get --paths "$static_paths" --concurrency "$c"
    jfr_start "reads-304-c$c"
    timed "reads-304-c$c" get --paths "$paths" --concurrency "$c" --conditional 1
    jfr_stop "reads-304-c$c"
    TARGET=static timed "static-304-c$c" get --paths "$static_paths" --concurrency "$c" --conditional 1
  done
  stop_pid "$STATIC_PID" 10
  STATIC_PID=
}

compile_static_server() {  # compile_static_server <classes dir>: against the Vert.x jars the packaged service ships
  local class=$1/StaticServer.class src=$ROOT/bench/progress-sync/StaticServer.java
  if [[ ! -f "$class" || "$src" -nt "$class" ]]; then
    rm -rf "$1" && mkdir -p "$1"
    javac --release 17 -d "$1" -cp "$(dirname "$JAR")/lib/main/*" "$src"
  fi
}

# One line per progress table: its name, rows and the sum of CRC32 over every column but received_at and changed_at
# (the moments of writing), so two runs that stored the same rows print the same lines.
fingerprint() {
  local t cols
  for t in $PROGRESS_TABLES; do
    cols=$(sql "SELECT GROUP_CONCAT(CONCAT('IFNULL(HEX(', column_name, '), ''-'')') ORDER BY ordinal_position SEPARATOR ', ')
                FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = '$t'
                  AND column_name NOT IN ('received_at', 'changed_at')")
    printf '%s\t%s\n' "$t" "$(sql "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('|', $cols))), 0) FROM $t")"
  done
}

# The ceiling stores what the service stores: one fixed input (batches of 50 over 30 days, batches of 50 within half
# an hour so that claims overlap and credit is cut, then single events, all on the same workers) sent one request at
# a time through the service and then through the ceiling, from emptied tables; every stored row is compared.
equivalence() {
  local target at leg coverage batch n days seed
  at=$(date +%s)
  for target in service ceiling; do
    reset_progress
    for leg in "50 40 30 11" "50 20 0.02 12" "1 300 30 13"; do
      read -r batch n days seed <<<"$leg"
      TARGET=$target drive "equivalence-$target-$batch-$days" load --batch "$batch" --concurrency 1 --max-requests "$n" \
        --duration-s 900 --warmup-s 0 --spread-days "$days" --seed "$seed" --now "$at"
      grep -q '^RESULT errors=none' "$OUT/run-$STAMP-equivalence-$target-$batch-$days.txt" \
        || die "equivalence run through the $target had errors, see $OUT/run-$STAMP-equivalence-$target-$batch-$days.err"
    done
    fingerprint >"$OUT/equivalence-$STAMP-$target.tsv"
    [[ $target == ceiling ]] || coverage=$(sql "SELECT CONCAT((SELECT COUNT(*) FROM progress_event), ' events (',
        (SELECT COUNT(*) FROM progress_event WHERE credited_seconds < seconds_spent), ' credited less than claimed), ',
        (SELECT COUNT(*) FROM module_progress WHERE completed_at IS NOT NULL), ' modules completed, ',
        (SELECT COUNT(*) FROM worker_active_day), ' active days')")
  done
  if diff "$OUT/equivalence-$STAMP-service.tsv" "$OUT/equivalence-$STAMP-ceiling.tsv" >"$OUT/equivalence-$STAMP.diff"; then
    NOTES+=("Equivalence: OK, the ceiling stored exactly the rows the service stored for the same input ($coverage; every column of $(wc -l <"$OUT/equivalence-$STAMP-service.tsv") tables but received_at and changed_at).")
  else
    NOTES+=("Equivalence: FAILED: the ceiling stored other rows than the service for the same input: $(tr '\n\t' '; ' <"$OUT/equivalence-$STAMP.diff")")
  fi
  log "${NOTES[-1]}"
}

# sql_log <target> <kind> <batch> <requests>: that many requests (4 clients) with MariaDB's general log on.
sql_log() {
  local file=$OUT/general-$STAMP-$1-$2.log
  sql "SET GLOBAL general_log_file = '$file'; SET GLOBAL general_log = ON"
  TARGET=$1 timed "sql-log-$1-$2" load --batch "$3" --concurrency 4 --max-requests "$4" --warmup-s 0
  sql "SET GLOBAL general_log = OFF"
}

# ms_per_request <CPU seconds> <requests>; run_field <label> <index>: a value of RUNS (see timed)
ms_per_request() { awk -v cpu="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.3f", 1000 * cpu / n; else print "n/a" }'; }
run_field() { local -a v; read -r -a v <<<"${RUNS[$1]:-}"; printf '%s' "${v[$2]:-}"; }

# The figures beside their ceilings, measured in this run: "| figure | service | ceiling | ratio | target | verdict |"
ceiling_rows() {
  local c s k f r target what
  for c in $CONCURRENCY; do
    for k in batch50 single; do
      [[ -n "${RUNS[$k-c$c]:-}" && -n "${RUNS[ceiling-$k-c$c]:-}" ]] || continue
      s=$(run_field "$k-c$c" 0) f=$(run_field "ceiling-$k-c$c" 0)
      target=0.6 what="batches of 50, events/s"
      [[ $k == single ]] && target=0.4 what="single events, events/s"
      r=$(ratio "$s" "$f")
      echo "| $what, $c clients | **$r** | $s | $f (bare JDBC) | ≥ $target | $(verdict "$r" ge "$target") |"
    done
    if [[ -n "${RUNS[single-c$c]:-}" && -n "${RUNS[floor-c$c]:-}" ]]; then
      s=$(ms_per_request "$(run_field "single-c$c" 3)" "$(run_field "single-c$c" 2)")
      f=$(ms_per_request "$(run_field "floor-c$c" 3)" "$(run_field "floor-c$c" 2)")
      r=$(ratio "$s" "$f")
      echo "| service CPU per single-event request, $c clients (ms) | **${r}×** | $s | $f (GET /api/v1/me) | ≤ 3× | $(verdict "$r" le 3) |"
      if [[ -n "${RUNS[ceiling-single-c$c]:-}" ]]; then
        # a service that did only the floor's work (HTTP, JSON, token, two key reads) and the ceiling's statements
        local jdbc both
        jdbc=$(ms_per_request "$(run_field "ceiling-single-c$c" 5)" "$(run_field "ceiling-single-c$c" 2)")
        both=$(awk -v f="$f" -v j="$jdbc" 'BEGIN { printf "%.3f", f + j }')
        echo "| floor + bare JDBC's CPU per single event, $c clients (ms) | $(ratio "$both" "$f" 1)× the floor | $both | $f + $jdbc (the ceiling's JVM, its own loop included) | – | – |"
        echo "| service CPU per single-event request ÷ (floor + bare JDBC), $c clients | $(ratio "$s" "$both")× | $s | $both | – | – |"
      fi
    fi
    for k in 200 304; do
      [[ -n "${RUNS[reads-$k-c$c]:-}" && -n "${RUNS[static-$k-c$c]:-}" ]] || continue
      s=$(run_field "reads-$k-c$c" 1) f=$(run_field "static-$k-c$c" 1)
      r=$(ratio "$s" "$f")
      echo "| module reads $k, $c clients, requests/s (median body $(run_field "reads-$k-c$c" 6) B vs $(run_field "static-$k-c$c" 6) B) | **$r** | $s | $f (static file) | $([[ $k == 304 ]] && echo '≥ 0.7' || echo '–') | $([[ $k == 304 ]] && verdict "$r" ge 0.7 || echo '–') |"
      s=$(ms_per_request "$(run_field "reads-$k-c$c" 3)" "$(run_field "reads-$k-c$c" 2)")
      f=$(ms_per_request "$(run_field "static-$k-c$c" 9)" "$(run_field "static-$k-c$c" 2)")
      echo "| module reads $k, $c clients, server CPU per request (ms) | $(ratio "$s" "$f" 1)× | $s | $f (static file) | – | – |"
    done
  done
}

# pair <label> <driver args...>: a run through the service (profiled alone with BENCH_JFR=1), then (BENCH_CEILING=1)
# the same through the JDBC ceiling
pair() {
  local label=$1
  shift
  jfr_start "$label"
  timed "$label" load "$@"
  jfr_stop "$label"
  ((CEILING == 0)) || TARGET=ceiling timed "ceiling-$label" load --warmup-s "$CEILING_WARMUP" "$@"
}

BEST_C=${CONCURRENCY##* }
if [[ "$SCENARIOS" == *" batch "* ]]; then
  for c in $CONCURRENCY; do pair "batch50-c$c" --batch 50 --concurrency "$c"; done
  BEST_C=$(best batch50-c); BEST_C=${BEST_C#batch50-c}
  BEST_EPS=$(printf '%s\n' "${TABLE[@]}" | grep "^| batch50-c$BEST_C " | awk -F' \\| ' '{ print $3 }')
  if [[ "$SPREAD_VARIANT" == 1 ]]; then
    timed "batch50-c$BEST_C-1day" load --batch 50 --concurrency "$BEST_C" --spread-days 1
  fi
fi
if [[ "$SCENARIOS" == *" single "* ]]; then
  for c in $CONCURRENCY; do
    pair "single-c$c" --batch 1 --concurrency "$c"
    # the request floor right after: an authenticated GET /api/v1/me of a cached caller at the same concurrency
    [[ "$SCENARIOS" != *" floor "* ]] || timed "floor-c$c" get --paths /api/v1/me --concurrency "$c"
  done
fi
if [[ "$SCENARIOS" == *" replay "* ]]; then
  timed replay replay --batch "$REPLAY_BATCH" --concurrency "$REPLAY_CONCURRENCY" --events "$REPLAY_EVENTS" \
    --workers "$REPLAY_WORKERS"
fi
[[ "$SCENARIOS" != *" reads "* ]] || module_reads
((CEILING == 0 || EQUIVALENCE == 0)) || equivalence
if [[ "$SQL_LOG" == 1 ]]; then
  sql_log service single 1 200
  sql_log service batch50 50 20
  if ((CEILING)); then
    sql_log ceiling single 1 200
    sql_log ceiling batch50 50 20
  fi
  for kind in single batch50; do
    n=$([[ $kind == single ]] && echo 200 || echo 20)
    logs=("service=$OUT/general-$STAMP-service-$kind.log")
    ((CEILING == 0)) || logs+=("ceiling=$OUT/general-$STAMP-ceiling-$kind.log")
    what=$([[ $kind == single ]] && echo "$n single-event requests" || echo "$n requests of 50 events")
    SQL_TABLES+=("" "Statements per request of $what (4 clients, MariaDB's general log, bench/lib/sql_log_summary.py):" "")
    mapfile -t -O "${#SQL_TABLES[@]}" SQL_TABLES < <(python3 "$ROOT/bench/lib/sql_log_summary.py" --requests "$n" "${logs[@]}")
  done
fi
# service CPU by thread group at the end of the live-counter runs (cumulative since start): JIT GC requests other
thread_split_live=$(thread_cpu "$APP_PID")

if [[ "$SKIP_NO_COUNTERS" != 1 && "$SCENARIOS" == *" batch "* ]]; then
  app_stop
  start_service nocounters STUDY_STATS_LIVE_COUNTERS=false
  retouch "after restart, touching the workers again"
  warm_up
  timed "batch50-c$BEST_C-nocounters" load --batch 50 --concurrency "$BEST_C"
  [[ "$SPREAD_VARIANT" == 1 ]] && timed "batch50-c$BEST_C-1day-nocounters" load --batch 50 --concurrency "$BEST_C" --spread-days 1
  NC_EPS=$(printf '%s\n' "${TABLE[@]}" | grep "^| batch50-c$BEST_C-nocounters " | awk -F' \\| ' '{ print $3 }')
  NOTES+=("Statistics counters: batch50-c$BEST_C $BEST_EPS events/s with live counters vs $NC_EPS without: the counters cost $(awk -v a="$BEST_EPS" -v b="$NC_EPS" 'BEGIN { printf "%.0f", (b > 0 ? 100 * (b - a) / b : 0) }') % of the throughput without them (product limit 15 %).")
fi

{
  echo "### Progress-sync benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}), JDBC pool max ${POOL:-default}${BENCH_SERVICE_ENV:+, environment $BENCH_SERVICE_ENV}."
  echo "Database: $DB_DESC. $WORKERS provisioned workers (round robin; orgs spread over ${#COUNTIES[@]} county unions), $(tr ',' '\n' <<<"$MODULES" | wc -l) modules."
  echo "Events: random module, percent 0–100, seconds 0–3600, channel, occurredAt uniformly within the last $SPREAD_DAYS days unless the run says otherwise."
  echo "Closed loop, $DRIVER_WARMUP s driver warm-up + $DURATION s measured per run, java.net.http HTTP/1.1 from the same $(nproc) cores; progress and statistics tables emptied before each run; warm-up before the first run of each service start."
  echo "Ceiling (target ceiling): ProgressCeiling.java, the same closed loop and input over bare JDBC ($(basename "$CONNECTOR"), the service's prod connection properties), one connection per client, the fewest statements that store the same rows; CPU 'driver' is then that JVM."
  echo "Replay: $REPLAY_EVENTS events over $REPLAY_WORKERS workers, each sent twice, shuffled, batches of $REPLAY_BATCH, $REPLAY_CONCURRENCY clients."
  echo
  mapfile -t CEILINGS < <(ceiling_rows)
  if ((${#CEILINGS[@]})); then
    echo "Each figure beside its ceiling, measured in this run on the same database (ratio = figure ÷ ceiling):"
    echo
    echo "| figure | ratio | service | ceiling | target | verdict |"
    echo "|---|---:|---:|---:|---|---|"
    printf '%s\n' "${CEILINGS[@]}"
    echo
  fi
  echo "| run | target | events/s | requests/s | p50 ms | p95 ms | p99 ms | errors | ACC/DUP/REJ | CPU during the run | SQL per request | InnoDB locks | load avg before → after | state check |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---|---|---|---|---|---|"
  printf '%s\n' "${TABLE[@]}"
  echo
  echo "Service CPU seconds since start by thread group after the live-counter runs (JIT GC requests other): $thread_split_live."
  printf '%s\n' "${NOTES[@]}"
  ((${#SQL_TABLES[@]} == 0)) || printf '%s\n' "${SQL_TABLES[@]}"
} | tee "$RESULTS"
log "results written to $RESULTS"
grep -q 'FAILED:' "$RESULTS" && die "a check failed, see $RESULTS"
exit 0
