#!/usr/bin/env bash
# Quiz-load benchmark: 500 workers start the FINAL exam at the same moment and submit it, then resend the same
# submission (same Idempotency-Key and body), against the packaged service and a throwaway MariaDB.
# Run from the repository root:
#
#   bench/quiz-load/run.sh
#
# Environment (all optional):
#   BENCH_USERS=500        concurrent virtual users (one worker token each, distinct subs)
#   BENCH_RUNS=1           runs, each on a fresh database and a freshly started service
#   BENCH_POOL=            QUARKUS_DATASOURCE_JDBC_MAX_SIZE for the service; empty = the service's default (16)
#   BENCH_THINK_MS=0       pause between a user's start and its submit
#   BENCH_WARMUP=200       users (other subs) who start and submit first, untimed, so that the timed wave meets a
#                          warmed-up JVM and a filled connection pool; their attempts are deleted afterwards (0 = cold)
#   BENCH_PREPROVISION=0   1 = each timed user calls GET /api/v1/me first (untimed, 8 at a time), so the timed wave
#                          finds the workers provisioned and their callers cached; 0 = the start provisions them
#   BENCH_XMX=512m         service heap (-Xmx)
#   BENCH_WAIT_QUIET=0     wait up to this many seconds before each timed wave for no Maven build and load < 1.5
#   BENCH_JFR=0            1 = record a Java Flight Recorder profile of the service during the timed waves
#   BENCH_TIMEOUT=120      seconds any single request may take
#   BENCH_CEILING=1        0 = no ceiling wave; 1 = after the checks, as many other (provisioned) workers do wave 1 as
#                          bare JDBC through QuizCeiling.java: one draw and one scoring each, same pool size; the
#                          attempts/s and latencies are reported beside it (issue #16)
#   BENCH_LOCK=exclusive   /tmp/study-bench.lock: exclusive, shared (development runs) or 0 (an outer flock)
#   BENCH_SERVICE_ENV=     more service settings, e.g. "STUDY_ADMISSION_ENABLED=false": on a saturated machine the
#                          admission control refuses part of the wave (503), which the checks count as failures
#
# Output: bench/out/quiz-load/ (git-ignored): mariadb/, service-<run>.log, tokens-<run>.txt, driver-<run>.txt,
# rss-*.tsv, results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/quiz-load" ]] || { echo "run me from the repository root" >&2; exit 2; }

USERS=${BENCH_USERS:-500}
RUNS=${BENCH_RUNS:-1}
POOL=${BENCH_POOL:-}
THINK_MS=${BENCH_THINK_MS:-0}
WARMUP=${BENCH_WARMUP:-200}
PREPROVISION=${BENCH_PREPROVISION:-0}
XMX=${BENCH_XMX:-512m}
REQUEST_TIMEOUT=${BENCH_TIMEOUT:-120}
WAIT_QUIET=${BENCH_WAIT_QUIET:-0}
JFR=${BENCH_JFR:-0}
CEILING=${BENCH_CEILING:-1}
OUT=$ROOT/bench/out/quiz-load
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark recreates its database per run; BENCH_DB_URL is not supported"

require_tools java javac curl openssl python3 mariadb
mkdir -p "$OUT"
bench_lock
LOAD_START=$(loadavg)
jar_ensure

DRIVER_CLASSES=$OUT/driver-classes
compile_driver "$ROOT/bench/quiz-load/LoadDriver.java" "$DRIVER_CLASSES"
CEILING_CLASSES=$OUT/ceiling-classes
compile_driver "$ROOT/bench/quiz-load/QuizCeiling.java" "$CEILING_CLASSES" "$ROOT/bench/quiz-load"
CONNECTOR=$(connector_jar)
county_codes "$SKELETON"

db_start

# admin <method> <path> <expected status> [curl args...]: one admin call; the body goes to $OUT/response.json.
ADMIN_TIMEOUT=120

# Saves /q/metrics as $OUT/metrics-<run>-<label>.txt.
save_metrics() { curl -sS --max-time 10 -o "$OUT/metrics-$RUN-$1.txt" "$METRICS_URL" || : >"$OUT/metrics-$RUN-$1.txt"; }

# Agroal's pool figures between the two saved snapshots: acquisitions, connections created, most connections
# in use, and the time requests waited for a connection (total and longest, cumulative since start).
pool_summary() {
  awk '
    /^agroal_/ { split($1, n, "{"); if (FILENAME ~ /before/) b[n[1]] = $2; else a[n[1]] = $2 }
    END {
      acq = a["agroal_acquire_count_total"] - b["agroal_acquire_count_total"]
      wait = a["agroal_blocking_time_total_milliseconds"] - b["agroal_blocking_time_total_milliseconds"]
      printf "%d connections acquired (mean wait %.0f ms, longest wait since start %.0f ms), %d created, at most %d in use",
        acq, acq ? wait / acq : 0, a["agroal_blocking_time_max_milliseconds"],
        a["agroal_creation_count_total"] - b["agroal_creation_count_total"], a["agroal_max_used_count"]
    }' "$OUT/metrics-$RUN-before.txt" "$OUT/metrics-$RUN-after.txt"
}

# The ceiling (issue #16): as many other workers, provisioned first (GET /api/v1/me, untimed), do wave 1 as bare JDBC
# (QuizCeiling.java: one draw and one scoring each, through a pool as large as the service's) on the same database;
# their rows are checked like the service's, and the service's figures are printed as fractions of the ceiling's.
ceiling_wave() {
  local tokens=$OUT/tokens-$RUN-ceiling.txt asked0 asked1 submitted answers
  declare -A C=()
  worker_tokens "$tokens" bench-ceil "$USERS"
  log "run $RUN: provisioning $USERS workers for the ceiling wave: $(xargs -P 8 -I{} curl -sS --max-time 30 -o /dev/null \
    -w '%{http_code}\n' -H 'Authorization: Bearer {}' "$BASE/api/v1/me" <"$tokens" | sort | uniq -c | tr -s ' \n' ' ')"
  seq -f 'bench-ceil-%05g' 1 "$USERS" >"$OUT/subs-$RUN-ceiling.txt"
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  asked0=$(sql "SELECT COALESCE(SUM(asked), 0) FROM org_question_count")
  log "run $RUN: ceiling wave, $USERS workers start and submit quiz $FINAL_ID over bare JDBC (load $(loadavg))"
  timeout $((4 * REQUEST_TIMEOUT + 240)) java -Xss512k -cp "$CEILING_CLASSES:$CONNECTOR" QuizCeiling \
    --jdbc "$(ceiling_jdbc_url)" --user "$DB_USER" --password "$DB_PASSWORD" --quiz "$FINAL_ID" \
    --subs "$OUT/subs-$RUN-ceiling.txt" --pool "${POOL:-$(app_property quarkus.datasource.jdbc.max-size)}" \
    --timeout-s "$REQUEST_TIMEOUT" --warmup "$WARMUP" --pids "service=$APP_PID${DB_PID:+,mariadb=$DB_PID}" \
    >"$OUT/ceiling-$RUN.txt" 2>"$OUT/ceiling-$RUN.err" || die "the ceiling wave failed, see $OUT/ceiling-$RUN.err"
  while read -r _ kv; do C[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$OUT/ceiling-$RUN.txt")
  asked1=$(sql "SELECT COALESCE(SUM(asked), 0) FROM org_question_count")
  submitted=$(sql "SELECT COUNT(*) FROM quiz_attempt a JOIN worker w ON w.id = a.worker_id
                   WHERE w.external_id LIKE 'bench-ceil-%' AND a.status = 'SUBMITTED'")
  answers=$(sql "SELECT COUNT(*) FROM attempt_answer aa JOIN quiz_attempt a ON a.id = aa.attempt_id
                 JOIN worker w ON w.id = a.worker_id WHERE w.external_id LIKE 'bench-ceil-%'")
  [[ "$submitted" == "${C[submits_ok]}" && "$submitted" == "$USERS" ]] || FAILED+=" ceiling: $submitted attempts SUBMITTED, expected $USERS;"
  [[ "$answers" == $((USERS * FINAL_COUNT)) ]] || FAILED+=" ceiling: $answers answers, expected $((USERS * FINAL_COUNT));"
  [[ $((asked1 - asked0)) == "$answers" ]] || FAILED+=" ceiling: org_question_count.asked grew by $((asked1 - asked0)), expected $answers;"
  {
    sed -n '/^RESULT /!p' "$OUT/ceiling-$RUN.txt"
    echo "Checks of the ceiling wave: $submitted attempts SUBMITTED, $answers answers, org_question_count.asked +$((asked1 - asked0))."
    echo
    echo "The service's wave beside the ceiling's$([[ "$PREPROVISION" == 1 ]] || echo " (the service's starts also provisioned their workers; BENCH_PREPROVISION=1 compares like with like)"):"
    echo
    echo "| figure | ratio | service | ceiling (bare JDBC) |"
    echo "|---|---:|---:|---:|"
    echo "| attempts/s, wave 1 | **$(ratio "${R[attempts_per_s]}" "${C[attempts_per_s]}")** | ${R[attempts_per_s]} | ${C[attempts_per_s]} |"
    echo "| start p50 / p95 ms (× ceiling) | $(ratio "${R[start_p50_ms]}" "${C[start_p50_ms]}" 1)× / $(ratio "${R[start_p95_ms]}" "${C[start_p95_ms]}" 1)× | ${R[start_p50_ms]} / ${R[start_p95_ms]} | ${C[start_p50_ms]} / ${C[start_p95_ms]} |"
    echo "| submit p50 / p95 ms (× ceiling) | $(ratio "${R[submit_p50_ms]}" "${C[submit_p50_ms]}" 1)× / $(ratio "${R[submit_p95_ms]}" "${C[submit_p95_ms]}" 1)× | ${R[submit_p50_ms]} / ${R[submit_p95_ms]} | ${C[submit_p50_ms]} / ${C[submit_p95_ms]} |"
  } >"$OUT/ceiling-$RUN.md"
  log "run $RUN: ceiling $(grep -m1 '^Ceiling wave' "$OUT/ceiling-$RUN.txt")"
}

declare -a SUMMARY=()
for ((RUN = 1; RUN <= RUNS; RUN++)); do
  ((RUN == 1)) || db_recreate
  SERVICE_LOG=$OUT/service-$RUN.log
  read -r -a SERVICE_ENV <<<"${BENCH_SERVICE_ENV:-}"
  if [[ -n "$POOL" ]]; then SERVICE_ENV+=(QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$POOL"); fi
  app_start "${SERVICE_ENV[@]}"
  ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-ql-$STAMP-$RUN")

  # --- setup (not timed) -------------------------------------------------------------------------------
  admin POST /api/v1/admin/orgs/import 200 -F "file=@$SKELETON;type=text/csv"
  log "orgs: $(head -c 300 "$OUT/response.json")"
  admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
  log "notice: $(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("questions", json.dumps(r.get("questions"), ensure_ascii=False))' "$OUT/response.json")"
  admin GET /api/v1/admin/quizzes 200
  read -r FINAL_ID FINAL_COUNT QUIZZES < <(python3 -c '
import json, sys
quizzes = json.load(open(sys.argv[1]))
final = [q for q in quizzes if q["kind"] == "FINAL" and q["active"]]
print(final[0]["id"] if final else "", final[0]["questionCount"] if final else "", len(quizzes))' "$OUT/response.json")
  [[ -n "$FINAL_ID" ]] || die "no active FINAL quiz among $QUIZZES quizzes"
  APPROVED=$(sql "SELECT COUNT(*) FROM question WHERE status='APPROVED'")
  log "FINAL quiz id $FINAL_ID draws $FINAL_COUNT questions; $QUIZZES quizzes; $APPROVED approved questions"

  # worker_tokens <file> <sub prefix> <count>: worker tokens, distinct subs, orgs spread over the county unions.
  worker_tokens() {
    local u
    for ((u = 1; u <= $3; u++)); do
      printf '%s-%05d\t["worker"]\t%s\t7200\t%s-%s-%s-%d\n' "$2" "$u" "${COUNTIES[$(((u - 1) % ${#COUNTIES[@]}))]}" \
        "$2" "$STAMP" "$RUN" "$u"
    done | mint_tokens | cut -f2 >"$1"
  }
  # drive <label> <tokens file>: the load driver against the FINAL quiz; output in $OUT/driver-<run>-<label>.*
  drive() {
    timeout $((4 * REQUEST_TIMEOUT + 240)) java -Xss512k -cp "$DRIVER_CLASSES" LoadDriver --base "$BASE" \
      --quiz "$FINAL_ID" --tokens "$2" --think-ms "$THINK_MS" --timeout-s "$REQUEST_TIMEOUT" \
      --report "$OUT/driver-$RUN-$1.md" --pids "service=$APP_PID${DB_PID:+,mariadb=$DB_PID}" \
      >"$OUT/driver-$RUN-$1.txt" 2>"$OUT/driver-$RUN-$1.err" || die "the load driver failed, see $OUT/driver-$RUN-$1.err"
  }

  TOKENS=$OUT/tokens-$RUN.txt
  log "minting $USERS worker tokens (and $WARMUP for the warm-up)"
  worker_tokens "$TOKENS" bench-load "$USERS"
  if ((WARMUP > 0)); then
    worker_tokens "$OUT/tokens-$RUN-warmup.txt" bench-warm "$WARMUP"
    log "run $RUN: warm-up, $WARMUP other users start and submit (not timed)"
    drive warmup "$OUT/tokens-$RUN-warmup.txt"
    grep -E '^(Wave|\| (start|submit))' "$OUT/driver-$RUN-warmup.txt" >&2 || true
    WARM_ERRORS=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
    # The warm-up's attempts go, so that the checks below see only the timed users' rows.
    sql "DELETE aa FROM attempt_answer aa JOIN quiz_attempt qa ON qa.id = aa.attempt_id JOIN worker w ON w.id = qa.worker_id
           WHERE w.external_id LIKE 'bench-warm-%';
         DELETE qa FROM quiz_attempt qa JOIN worker w ON w.id = qa.worker_id WHERE w.external_id LIKE 'bench-warm-%'"
    log "run $RUN: warm-up done ($WARM_ERRORS ERROR lines in the service log so far); its attempts deleted"
  fi

  if [[ "$PREPROVISION" == 1 ]]; then
    log "run $RUN: pre-provisioning the $USERS timed workers with GET /api/v1/me"
    # prints one status per token; bounded by the token count and curl's --max-time
    xargs -P 8 -I{} curl -sS --max-time 30 -o /dev/null -w '%{http_code}\n' -H 'Authorization: Bearer {}' \
      "$BASE/api/v1/me" <"$TOKENS" | sort | uniq -c | sed 's/^/    /' >&2
  fi

  # --- load ----------------------------------------------------------------------------------------------
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  if [[ "$JFR" == 1 ]]; then
    jcmd "$APP_PID" JFR.configure stackdepth=512 >/dev/null || true  # Quarkus stacks are deeper than the default 64
    jcmd "$APP_PID" JFR.start name=load settings=profile filename="$OUT/load-$RUN.jfr" >/dev/null
  fi
  save_metrics before
  ERRORS_BEFORE=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  ERROR_LINE_BEFORE=$(wc -l <"$SERVICE_LOG")
  log "run $RUN: $USERS users start and submit quiz $FINAL_ID (load $(loadavg))"
  start=$(now)
  drive load "$TOKENS"
  end=$(now)
  if [[ "$JFR" == 1 ]]; then
    jcmd "$APP_PID" JFR.stop name=load >/dev/null && log "run $RUN: JFR profile in $OUT/load-$RUN.jfr"
  fi
  sed -n '/^RESULT /!p' "$OUT/driver-$RUN-load.txt" >&2
  declare -A R=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$OUT/driver-$RUN-load.txt")
  save_metrics after

  # --- checks ---------------------------------------------------------------------------------------------
  SUBMITTED=$(sql "SELECT COUNT(*) FROM quiz_attempt WHERE status='SUBMITTED'")
  ATTEMPTS=$(sql "SELECT COUNT(*) FROM quiz_attempt")
  DOUBLES=$(sql "SELECT COUNT(*) FROM (SELECT worker_id FROM quiz_attempt GROUP BY worker_id, quiz_id HAVING COUNT(*) > 1) d")
  ANSWERS=$(sql "SELECT COUNT(*) FROM attempt_answer")
  WORKERS=$(sql "SELECT COUNT(*) FROM worker WHERE external_id LIKE 'bench-load-%'")
  EXPECTED_SUBMITTED=$((R[submits_ok] + R[replays_ok_after_failed_submit]))
  CHECK="quiz_attempt SUBMITTED = $SUBMITTED (driver: $EXPECTED_SUBMITTED successful submissions), attempts = $ATTEMPTS, workers with more than one attempt = $DOUBLES, attempt_answer = $ANSWERS (expected $((SUBMITTED * FINAL_COUNT))), provisioned workers = $WORKERS"
  log "run $RUN: $CHECK"
  FAILED=
  [[ "$SUBMITTED" == "$EXPECTED_SUBMITTED" ]] || FAILED+=" SUBMITTED count differs from the driver's;"
  [[ "$DOUBLES" == 0 ]] || FAILED+=" $DOUBLES workers have more than one attempt;"
  [[ "$ANSWERS" == $((SUBMITTED * FINAL_COUNT)) ]] || FAILED+=" attempt_answer count differs;"
  [[ "${R[replays_identical]}" == "${R[submits_ok]}" ]] || FAILED+=" not every replay of a successful submit was an identical 200;"

  # --- what went wrong, if anything -------------------------------------------------------------------------
  ERRORS_AFTER=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  SERVICE_ERRORS=$((ERRORS_AFTER - ERRORS_BEFORE))
  DEADLOCK=$(sql "SHOW ENGINE INNODB STATUS" | grep -c 'LATEST DETECTED DEADLOCK' || true)
  if ((SERVICE_ERRORS > 0)); then
    log "run $RUN: $SERVICE_ERRORS ERROR lines in $SERVICE_LOG; distinct causes:"
    sed -n "$((ERROR_LINE_BEFORE + 1)),\$p" "$SERVICE_LOG" | grep -E '^Caused by|ERROR' \
      | sed -E 's/^[0-9-]+ [0-9:,]+ //; s/\((executor-thread|vert.x-[a-z-]+thread)-[0-9]+\)/(…)/; s/incident [0-9a-f-]+/incident …/' \
      | sort | uniq -c | sort -rn | head -15 >&2
  fi
  ((DEADLOCK == 0)) || log "run $RUN: InnoDB reports a deadlock (SHOW ENGINE INNODB STATUS saved to $OUT/innodb-$RUN.txt)"
  sql "SHOW ENGINE INNODB STATUS" >"$OUT/innodb-$RUN.txt"

  SUMMARY+=("#### Run $RUN ($(date '+%H:%M'), $(load_during "$start" "$end"), service peak RSS $(rss_peak "$start" "$end") MiB)")
  ((CEILING == 0)) || ceiling_wave
  SUMMARY+=("" "$(cat "$OUT/driver-$RUN-load.md")" "")
  ((CEILING == 0)) || SUMMARY+=("$(cat "$OUT/ceiling-$RUN.md")" "")
  SUMMARY+=("JDBC pool (max ${POOL:-16, the default}) during both waves: $(pool_summary).")
  SUMMARY+=("Service log: $SERVICE_ERRORS ERROR lines during the load; InnoDB deadlock reported: $([[ $DEADLOCK == 0 ]] && echo no || echo yes).")
  SUMMARY+=("Checks: $CHECK.${FAILED:+ FAILED:$FAILED}" "")
  app_stop
  [[ -z "$FAILED" ]] || log "run $RUN: CHECK FAILED:$FAILED"
done

{
  echo "### Quiz-load benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}), JDBC pool max ${POOL:-16 (default)}${BENCH_SERVICE_ENV:+, environment $BENCH_SERVICE_ENV}; fresh database and service per run."
  echo "Database: $DB_DESC. Quiz: FINAL exam of the imported notice, $FINAL_COUNT questions per attempt, drawn from $APPROVED approved questions."
  echo "Load: $USERS users (one platform thread each in LoadDriver.java, java.net.http, HTTP/1.1), released together by a latch; think time $THINK_MS ms; $( ((WARMUP > 0)) && echo "warm-up: $WARMUP other users did the same just before (their attempts deleted)" || echo "no warm-up: the service was started just before (cold JIT, 2 pooled connections)"); $([[ "$PREPROVISION" == 1 ]] && echo "the timed workers were provisioned (GET /api/v1/me) before the wave, so their callers were cached" || echo "the timed workers are unknown to the service until their start provisions them"). The driver runs on the same 2 cores as the service and MariaDB."
  echo
  printf '%s\n' "${SUMMARY[@]}"
} | tee "$RESULTS"
log "results written to $RESULTS"
grep -q 'FAILED:' "$RESULTS" && die "a check failed, see $RESULTS"
exit 0
