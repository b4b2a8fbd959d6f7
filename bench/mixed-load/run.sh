#!/usr/bin/env bash
# Mixed-load benchmark (issue #7): a realistic mobile mix at a CONSTANT RATE against the packaged service and a
# throwaway MariaDB, driven by Gatling (open model, latency from the intended send time: no coordinated omission).
# Mix of requests: 60 % module reads (half of them If-None-Match revalidations answered 304), 25 % progress batches,
# 10 % quiz start + submit, 5 % statistics (summary, children, modules) by org-admins and a province-admin.
# Run from the repository root:
#
#   bench/mixed-load/run.sh                 # 60 s warm-up + 300 s measured at 1,000 req/s (~9 min with setup)
#   bench/mixed-load/run.sh --quick         # smoke run: 200 req/s, 15 s warm-up, 30 s measured
#   RATE="1000 800 600" bench/mixed-load/run.sh   # one run per rate, each on a fresh database and service
#   WARMUP=30 DURATION=60 bench/mixed-load/run.sh --per-kind   # each kind alone at its share of RATE: CPU per request
#   bench/mixed-load/run.sh --capacity      # issue #18: capacity search, then overload at 1.5x and 3x it (~20 min)
#
# --capacity: from CAPACITY_START req/s, the rate grows by CAPACITY_STEP while a run holds (p99 <= 300 ms, 0 errors,
# nothing refused, throughput >= 99 % of offered) and shrinks by it while one does not, then one run halfway between
# the highest rate held and the lowest not held; the highest rate held is the capacity. Then each OVERLOAD factor of it is offered for OVERLOAD_DURATION
# s, followed by RECOVERY s at RECOVERY_SHARE of the capacity, and checked against issue #18's targets.
#
# Measurements to report: flock /tmp/study-bench.lock bench/mixed-load/run.sh
#
# Environment (all optional):
#   RATE=1000            requests per second offered (a list runs each rate in turn)
#   DURATION=300         measured seconds;  WARMUP=60  seconds before, excluded from the figures: the rate ramps from
#                        5 % to 100 % over its first two thirds, then holds
#   MIX="60 25 10 5"     percent of requests: module reads, progress batches, quiz start+submit, statistics
#   WORKERS=5000         workers (imported, then tokens signed by the driver), over GRASSROOTS=10000 grassroots unions
#   THINK=20             mean seconds between a quiz start and its submit (uniform 0.5x-1.5x)
#   MAX_BATCH=8          progress batches carry 1..MAX_BATCH events;  REPLAY_SHARE=0.02 of batches resend an earlier one
#   BENCH_TIMEOUT_MS=10000  a request without a response after this long is an error
#   BENCH_LOG_FAILED=0   1 = log every failed request and its response to bench/out/mixed-load/failed-requests-<rate>.log
#   DRIVER_GC=-XX:+UseEpsilonGC  the driver's collector: none, so that no driver pause counts as service latency;
#                        -XX:+UseG1GC collects (its pauses are reported)
#   DRIVER_XMX=8g        Gatling JVM heap; under Epsilon it must hold the whole run (~12 KB a request: 1.6 GB for
#                        a 150 s run at 900 req/s), and the driver stops with an OutOfMemoryError if it does not
#   BENCH_XMX=512m       service heap;  BENCH_POOL=  QUARKUS_DATASOURCE_JDBC_MAX_SIZE (empty = the service default)
#   BENCH_SERVICE_ENV=   more service settings, e.g. "STUDY_ADMISSION_ENABLED=false" for the service without admission
#   BENCH_WAIT_QUIET=120 wait up to this many seconds before each run for no Maven build and load < 1.5
#   CAPACITY_START=300 CAPACITY_STEP=1.25 CAPACITY_WARMUP=60 CAPACITY_DURATION=30   the capacity search's runs
#                        (every run starts a fresh service, whose JIT takes ~40 s of CPU in its first minute on 2
#                        shared cores: with 30 s warm-ups the search held 300 req/s once and not 240 the next time)
#   OVERLOAD="1.5 3" OVERLOAD_WARMUP=60 OVERLOAD_DURATION=120 RECOVERY=30 RECOVERY_SHARE=0.5   the overload runs
#   CAPACITY=            a capacity found before (req/s): --capacity then skips the search
#
# The RSS sampler counts Maven JVMs; the driver's own Maven is one of them, so only a second one is someone's build.
# Output: bench/out/mixed-load/ (git-ignored): data/, mariadb/, service-<rate>.log, driver-<rate>.txt,
# result-<rate>.md, results-<timestamp>.md; Gatling's HTML report (warm-up included) under
# bench/mixed-load/target/gatling/.
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/mixed-load" ]] || { echo "run me from the repository root" >&2; exit 2; }

OUT=$ROOT/bench/out/mixed-load
source "$ROOT/bench/lib/common.sh"
QUICK=0 PER_KIND=0 CAPACITY_SEARCH=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --capacity) CAPACITY_SEARCH=1 ;;
    --per-kind) PER_KIND=1 ;;
    *) bench_args -- "$arg" ;;   # --help, or refused
  esac
done
if ((QUICK)); then
  RATES=${RATE:-200} DURATION=${DURATION:-30} WARMUP=${WARMUP:-15} WORKERS=${WORKERS:-1000} THINK=${THINK:-5}
  WAIT_QUIET=${BENCH_WAIT_QUIET:-0}
else
  RATES=${RATE:-1000} DURATION=${DURATION:-300} WARMUP=${WARMUP:-60} WORKERS=${WORKERS:-5000} THINK=${THINK:-20}
  WAIT_QUIET=${BENCH_WAIT_QUIET:-120}
fi
MIX=${MIX:-60 25 10 5}
# the runs: "<rate>:<mix>"; --per-kind runs each request kind alone at every rate
MIXES=("$MIX")
((PER_KIND == 0)) || MIXES=("60 0 0 0" "0 25 0 0" "0 0 10 0" "0 0 0 5")  # each kind alone at its share of RATE
RUNS=()
for rate in $RATES; do for mix in "${MIXES[@]}"; do RUNS+=("$rate:$mix"); done; done
GRASSROOTS=${GRASSROOTS:-10000}
MAX_BATCH=${MAX_BATCH:-8}
CAPACITY_START=${CAPACITY_START:-300} CAPACITY_STEP=${CAPACITY_STEP:-1.25}
CAPACITY_WARMUP=${CAPACITY_WARMUP:-60} CAPACITY_DURATION=${CAPACITY_DURATION:-30}
OVERLOAD=${OVERLOAD:-1.5 3} OVERLOAD_WARMUP=${OVERLOAD_WARMUP:-60} OVERLOAD_DURATION=${OVERLOAD_DURATION:-120}
RECOVERY=${RECOVERY:-30} RECOVERY_SHARE=${RECOVERY_SHARE:-0.5}
REPLAY_SHARE=${REPLAY_SHARE:-0.02}
export BENCH_TIMEOUT_MS=${BENCH_TIMEOUT_MS:-10000}   # read by bench/mixed-load/src/test/resources/gatling.conf
DRIVER_XMX=${DRIVER_XMX:-8g}
DRIVER_GC=${DRIVER_GC:--XX:+UseEpsilonGC}
XMX=${BENCH_XMX:-512m}
POOL=${BENCH_POOL:-}
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md
GATLING=$ROOT/bench/mixed-load

bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark recreates its database per rate; BENCH_DB_URL is not supported"
read -r -a MIX_PARTS <<<"$MIX"
((${#MIX_PARTS[@]} == 4)) || die "MIX needs four percentages (module reads, progress, quiz, statistics), got '$MIX'"
mix_label() {  # "60 25 10 5" -> "mix", "0 25 0 0" -> "progress" (one kind alone)
  case "$1" in [1-9]*" 0 0 0") echo modules ;; "0 "[1-9]*" 0 0") echo progress ;; "0 0 "[1-9]*" 0") echo quiz ;;
    "0 0 0 "[1-9]*) echo stats ;; *) echo mix ;; esac
}

require_tools java curl openssl python3 mariadb
mkdir -p "$OUT/data"
LOAD_START=$(loadavg)
jar_ensure
log "compiling the Gatling simulation (bench/mixed-load/pom.xml, its own Maven project)"
(cd "$GATLING" && "$ROOT/mvnw" -B -q test-compile) || die "the Gatling project did not compile"

# --- data: the org skeleton + synthetic grassroots unions, and workers spread over them (cached) ---------------
ORGS_CSV=$OUT/data/orgs-$GRASSROOTS.csv
WORKERS_CSV=$OUT/data/workers-$WORKERS-$GRASSROOTS.csv
if [[ ! -s "$ORGS_CSV" || ! -s "$WORKERS_CSV" || "$ROOT/bench/worker-import/gen_data.py" -nt "$WORKERS_CSV" ]]; then
  log "generating $GRASSROOTS grassroots unions and $WORKERS workers (bench/worker-import/gen_data.py)"
  python3 "$ROOT/bench/worker-import/gen_data.py" --skeleton "$SKELETON" --orgs-out "$ORGS_CSV" \
    --workers-out "$WORKERS_CSV" --grassroots "$GRASSROOTS" --workers "$WORKERS" >&2
fi
UNIONS_USED=$(tail -n +2 "$WORKERS_CSV" | cut -d, -f3 | sort -u | wc -l)

db_start

# as_worker <token> <method> <path>: prints "<status> <body>" of one worker call
as_worker() {
  curl -sS --max-time 60 -o "$OUT/worker-response.json" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" "$BASE$3" || echo curl-error
}

DRIVER_PID=
bench_on_exit() {  # an interrupted run: stop the driver's process group before the service and MariaDB go
  [[ -z "$DRIVER_PID" ]] || kill -TERM -- "-$DRIVER_PID" 2>/dev/null || kill -TERM "$DRIVER_PID" 2>/dev/null || true
}

declare -a SUMMARY=()
FAILED_ANY=
# run_once <rate> <mix> [<label suffix> <recovery rate>]: one run on a fresh database and service, WARMUP + DURATION
# s at the rate, then RECOVERY s at the recovery rate if one is given; sets R (the driver's RESULT lines) and HELD.
run_once() {
  RATE_NOW=$1 MIX_NOW=$2 RECOVERY_RATE=${4:-0}
  local recovery_s=0
  [[ "$RECOVERY_RATE" == 0 ]] || recovery_s=$RECOVERY
  read -r -a MIX_PARTS <<<"$MIX_NOW"
  LABEL=$RATE_NOW-$(mix_label "$MIX_NOW")${3:+-$3}
  OFFERED=$(awk -v r="$RATE_NOW" -v m="$MIX_NOW" 'BEGIN { n = split(m, p, " "); for (i = 1; i <= n; i++) s += p[i]; print r * s / 100 }')
  ((${#SUMMARY[@]} == 0)) || { app_stop; db_recreate; }
  SERVICE_LOG=$OUT/service-$LABEL.log
  local service_env=()
  [[ -z "$POOL" ]] || service_env+=(QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$POOL")
  read -r -a extra_env <<<"${BENCH_SERVICE_ENV:-}"
  app_start "${service_env[@]}" "${extra_env[@]}"
  ADMIN_TOKEN=$(mint_token bench-mixed-admin '["province-admin"]' QH 7200 "bench-mixed-admin-$STAMP-$LABEL")

  # --- setup (not timed) ----------------------------------------------------------------------------------------
  admin POST /api/v1/admin/orgs/import 200 -F "file=@$ORGS_CSV;type=text/csv"
  admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
  admin POST /api/v1/admin/workers/import 200 -F "file=@$WORKERS_CSV;type=text/csv"
  log "imported $(sql "SELECT COUNT(*) FROM organization") orgs and $(sql "SELECT COUNT(*) FROM worker") workers ($UNIONS_USED grassroots unions have workers)"

  # Probe workers (not the load's; one per quiz, for the rate limit) read the module ids and start every quiz a
  # worker may take; quizzes whose start fails (e.g. no approved questions for that subsection) are left out.
  PROBE_ORG=$(sed -n 2p "$WORKERS_CSV" | cut -d, -f3)
  probe_token() { mint_token "bench-mixed-probe-$1" '["worker"]' "$PROBE_ORG" 7200 "bench-mixed-probe-$1-$STAMP-$LABEL"; }
  PROBE=$(probe_token list)
  [[ "$(as_worker "$PROBE" GET /api/v1/modules)" == 200 ]] || die "GET /api/v1/modules failed: $(head -c 500 "$OUT/worker-response.json")"
  MODULES=$(python3 -c 'import json,sys; print(",".join(str(m["id"]) for m in json.load(open(sys.argv[1]))))' "$OUT/worker-response.json")
  [[ "$(as_worker "$PROBE" GET /api/v1/quizzes)" == 200 ]] || die "GET /api/v1/quizzes failed: $(head -c 500 "$OUT/worker-response.json")"
  QUIZZES=
  while read -r id kind; do
    status=$(as_worker "$(probe_token "$id")" POST "/api/v1/quizzes/$id/attempts")
    if [[ "$status" == 201 ]]; then QUIZZES+="${QUIZZES:+,}$id:$kind"; else log "quiz $id ($kind) left out: start answered $status $(head -c 200 "$OUT/worker-response.json")"; fi
  done < <(python3 -c 'import json,sys; [print(q["id"], q["kind"]) for q in json.load(open(sys.argv[1]))]' "$OUT/worker-response.json")
  QUIZ_COUNT=$(tr ',' '\n' <<<"$QUIZZES" | grep -c . || true)
  ((QUIZ_COUNT > 0)) || die "no quiz can be started"
  log "modules: $MODULES; quizzes in the load: $QUIZZES"

  # Quiz users take the workers in turn: each worker must not repeat a quiz (DAILY allows one attempt a day) and
  # must stay far below 10 starts + submits a minute.
  QUIZ_USERS_PER_S=$(awk -v r="$RATE_NOW" -v q="${MIX_PARTS[2]}" 'BEGIN { print r * q / 200 }')
  STARTS=$(awk -v u="$QUIZ_USERS_PER_S" -v t=$((WARMUP + DURATION + recovery_s)) 'BEGIN { printf "%d", u * t + 1 }')
  ((STARTS <= WORKERS * QUIZ_COUNT)) || die "$STARTS quiz starts would repeat quizzes for $WORKERS workers and $QUIZ_COUNT quizzes: raise WORKERS"
  awk -v u="$QUIZ_USERS_PER_S" -v w="$WORKERS" 'BEGIN { exit !(u * 60 / w <= 2) }' \
    || die "a worker would start more than 2 quizzes a minute ($QUIZ_USERS_PER_S starts/s over $WORKERS workers): raise WORKERS"

  CONFIG=$OUT/driver-$LABEL.properties
  cat >"$CONFIG" <<EOF
base=$BASE
rate=$RATE_NOW
mix=$MIX_NOW
warmup=$WARMUP
duration=$DURATION
think=$THINK
replayShare=$REPLAY_SHARE
recoveryRate=$RECOVERY_RATE
recovery=$recovery_s
maxBatch=$MAX_BATCH
workers=$WORKERS
workersCsv=$WORKERS_CSV
orgsCsv=$ORGS_CSV
modules=$MODULES
quizzes=$QUIZZES
privateKey=$ROOT/src/main/dev-keys/non-production-private.pem
issuer=$ISSUER
pids=service=$APP_PID,mariadb=$DB_PID
results=$OUT/result-$LABEL.txt
EOF

  # --- load ---------------------------------------------------------------------------------------------------------
  ((WAIT_QUIET == 0)) || wait_quiet "$WAIT_QUIET"
  ERRORS_BEFORE=$(grep -c ' ERROR ' "$SERVICE_LOG" || true)
  THREADS_BEFORE=$(thread_cpu "$APP_PID")
  log "$LABEL: $OFFERED req/s ($MIX_NOW % of $RATE_NOW): ${WARMUP} s warm-up + ${DURATION} s measured, $WORKERS workers (load $(loadavg))"
  start=$(now)
  # The driver runs in its own process group (Maven and the Gatling JVM it forks), in the background so that an
  # interrupt reaches this script at once and bench_on_exit can stop the whole group.
  setsid bash -c 'cd "$1" && shift && exec timeout "$@"' driver "$GATLING" $((WARMUP + DURATION + recovery_s + 2 * THINK + 600)) \
      "$ROOT/mvnw" -B -q gatling:test -Dmixed.config="$CONFIG" -Dmixed.xmx="$DRIVER_XMX" -Dmixed.gc="$DRIVER_GC" \
      -Dmixed.gcLog="$OUT/driver-gc-$LABEL.log" \
      -Dmixed.failedLog="$OUT/failed-requests-$LABEL.log" \
      -Dmixed.failedLogLevel="$([[ "${BENCH_LOG_FAILED:-0}" == 1 ]] && echo DEBUG || echo OFF)" \
      -Dgatling.runDescription="mixed load $LABEL" >"$OUT/driver-$LABEL.txt" 2>&1 &
  DRIVER_PID=$!
  # the admission limit in force and the I/O threads' lateness, once a second while the driver runs
  ( while kill -0 "$DRIVER_PID" 2>/dev/null; do
      printf '%s\t%s\n' "$(date +%s)" "$(curl -fsS --max-time 1 "$METRICS_URL" 2>/dev/null \
        | awk '/^study_admission_limit / { l = $2 } /^study_admission_event_loop_lag_seconds / { g = $2 }
               END { printf "%d\t%.1f", l, 1000 * g }')"
      sleep 1
    done ) >"$OUT/admission-$LABEL.tsv" 2>/dev/null &
  wait "$DRIVER_PID" || { DRIVER_PID=; tail -30 "$OUT/driver-$LABEL.txt" >&2; die "the Gatling run failed, see $OUT/driver-$LABEL.txt"; }
  DRIVER_PID=
  end=$(now)
  # the measured window, counted back from the driver's end past its recovery and the last quiz submits' think time
  local window_end=$(( ${end%.*} - recovery_s - ${THINK%.*} ))
  LIMIT_DURING=$(awk -v a=$((window_end - DURATION)) -v b=$window_end '$1 >= a && $1 <= b && NF == 3' \
    "$OUT/admission-$LABEL.tsv" | sort -n -k2 | awk '{ n++; l[n] = $2; if ($3 > g) g = $3 }
      END { if (!n) { print "n/a"; exit }
            printf "limit min/median/max %d / %d / %d, I/O threads late by up to %.1f ms in a 0.1 s window (%d samples)", l[1], l[int((n + 1) / 2)], l[n], g, n }')
  THREADS_AFTER=$(thread_cpu "$APP_PID")
  [[ -s "$OUT/result-$LABEL.txt" ]] || die "the simulation wrote no result, see $OUT/driver-$LABEL.txt"
  ADMISSION=$(curl -fsS --max-time 5 "$METRICS_URL" 2>/dev/null | grep -E '^study_admission_(limit|shed_total)' \
    | sed -E 's/^study_admission_//; s/_total\{priority="([A-Z]+)"\}/ \1/' | paste -sd ';' - | sed 's/;/; /g' || true)
  unset R; declare -gA R=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$OUT/result-$LABEL.txt")

  # --- checks against the database ------------------------------------------------------------------------------
  STORED=$(sql "SELECT COUNT(*) FROM progress_event")
  SUBMITTED=$(sql "SELECT COUNT(*) FROM quiz_attempt a JOIN worker w ON w.id = a.worker_id
                   WHERE a.status IN ('SUBMITTED', 'LATE') AND w.external_id NOT LIKE 'bench-mixed-probe-%'")
  ACCEPTED=${R[count.progress.accepted]:-0} SUBMITS_OK=${R[count.QUIZ_SUBMIT.ok]:-0}
  SERVICE_ERRORS=$(($(grep -c ' ERROR ' "$SERVICE_LOG" || true) - ERRORS_BEFORE))
  CHECK="progress_event rows $STORED = events answered ACCEPTED $ACCEPTED; submitted attempts $SUBMITTED = submits answered 200 $SUBMITS_OK"
  CHECK+=" (DUPLICATE ${R[count.progress.duplicate]:-0} for ${R[count.progress.events_replayed]:-0} replayed events, REJECTED ${R[count.progress.rejected]:-0})"
  # A request without a response (timeout) may still have been carried out: its events or submission may be stored.
  UNANSWERED_EVENTS=${R[count.progress.events_unanswered]:-0} UNANSWERED_SUBMITS=${R[count.quiz.submits_unanswered]:-0}
  ((UNANSWERED_EVENTS + UNANSWERED_SUBMITS == 0)) \
    || CHECK+="; unanswered requests carried $UNANSWERED_EVENTS fresh events and $UNANSWERED_SUBMITS submits, which the service may or may not have stored"
  FAILED=
  ((STORED >= ACCEPTED && STORED <= ACCEPTED + UNANSWERED_EVENTS)) || FAILED+=" stored progress events differ from ACCEPTED;"
  ((SUBMITTED >= SUBMITS_OK && SUBMITTED <= SUBMITS_OK + UNANSWERED_SUBMITS)) || FAILED+=" submitted attempts differ from the submits answered 200;"
  [[ "${R[count.progress.rejected]:-0}" == 0 ]] || FAILED+=" REJECTED events;"
  log "$LABEL: check: $CHECK${FAILED:+ — FAILED:$FAILED}"
  ((SERVICE_ERRORS == 0)) || log "$LABEL: $SERVICE_ERRORS ERROR lines in $SERVICE_LOG"

  read -r j0 g0 q0 o0 <<<"$THREADS_BEFORE"; read -r j1 g1 q1 o1 <<<"$THREADS_AFTER"
  REQUESTS=${R[requests]}
  per_request() { awk -v s="$1" -v n="$REQUESTS" 'BEGIN { printf "%.2f", n ? 1000 * s / n : 0 }'; }
  CPU_LINE="service ${R[cpu_service_s]} s ($(per_request "${R[cpu_service_s]}") ms/request), MariaDB ${R[cpu_mariadb_s]} s ($(per_request "${R[cpu_mariadb_s]}") ms/request), driver ${R[cpu_driver_s]} s ($(per_request "${R[cpu_driver_s]}") ms/request)"
  CPU_LINE+=" over the $DURATION s window, i.e. $(awk -v a="${R[cpu_service_s]}" -v b="${R[cpu_mariadb_s]}" -v c="${R[cpu_driver_s]}" -v d="$DURATION" 'BEGIN { printf "%.2f + %.2f + %.2f of 2 cores", a / d, b / d, c / d }')"
  VERDICT=$(awk -v t="${R[throughput_per_s]}" -v r="$OFFERED" -v p="${R[p99_ms]}" -v e="${R[errors]}" \
    -v f="${R[refused]:-0}" \
    'BEGIN { print (t >= 0.99 * r && p <= 300 && e == 0 && f == 0) ? "held (throughput ≥ 99 % of the offered rate, p99 ≤ 300 ms, 0 errors, nothing refused)" : "NOT held" }')
  [[ "$VERDICT" == held* ]] && HELD=1 || HELD=0
  TARGET=$(awk -v r="$RATE_NOW" -v p="${R[p99_ms]}" -v e="${R[errors]}" -v t="${R[throughput_per_s]}" \
    'BEGIN { print (r >= 1000 && t >= 990 && p <= 300 && e == 0) ? "met" : "not met" }')
  [[ "$MIX_NOW" == "60 25 10 5" ]] || TARGET="n/a (not the issue's mix)"

  SUMMARY+=("#### $OFFERED req/s offered ($(mix_label "$MIX_NOW"): $MIX_NOW % of $RATE_NOW req/s) — $VERDICT; issue #7 target (≥ 1,000 req/s, p99 ≤ 300 ms, 0 errors): $TARGET" "")
  SUMMARY+=("Throughput ${R[throughput_per_s]} successful responses/s within the window (${R[requests]} requests meant to start in it), overall p50/p95/p99 ${R[p50_ms]} / ${R[p95_ms]} / ${R[p99_ms]} ms, max ${R[max_ms]} ms, ${R[errors]} errors. Load average ${R[load_window]} (1/5/15 min, at the window's start → end); max 1-min load $(sample_max 4 "$start" "$end")$(awk -v m="$(sample_max 5 "$start" "$end")" 'BEGIN { if (m > 1) print ", another Maven build running" }'), service peak RSS $(rss_peak "$start" "$end") MiB." "")
  SUMMARY+=("$(sed -n '/^Offered/,$p' "$OUT/result-$LABEL.txt")" "")
  SUMMARY+=("CPU during the measured window: $CPU_LINE. Service CPU by thread group over warm-up + window (JIT / GC / request threads / other): $(awk -v a="$j0 $g0 $q0 $o0" -v b="$j1 $g1 $q1 $o1" 'BEGIN { split(a, x); split(b, y); printf "%.1f / %.1f / %.1f / %.1f s", y[1]-x[1], y[2]-x[2], y[3]-x[3], y[4]-x[4] }')." "")
  DRIVER_PAUSES=$(awk '/Pause/ { n++; v = $NF; sub(/ms$/, "", v); if (v + 0 > m) m = v + 0 }
    /Heap: .* used/ { used = $(NF - 2) }
    END { if (used != "") printf "no collection (Epsilon), %s of heap used at the end", used
          else printf "%d pauses, the longest %.1f ms", n, m }' "$OUT/driver-gc-$LABEL.log" 2>/dev/null || echo "no GC log")
  SUMMARY+=("Driver: the intended start of a user was missed by up to ${R[max_start_delay_ms]} ms (${R[starts_late_over_10ms]} starts more than 10 ms late); its own GC over the whole run: $DRIVER_PAUSES (every response pending during a pause is that much later)." "")
  FAILED_WHOLE_RUN=$(awk -F= '/^RESULT count\.[A-Z_]+\.failed=/ { n += $2 } END { print n + 0 }' "$OUT/result-$LABEL.txt")
  SUMMARY+=("Database check: $CHECK.${FAILED:+ FAILED:$FAILED} Failed requests over the whole run, warm-up and tail included: $FAILED_WHOLE_RUN. Service log: $SERVICE_ERRORS ERROR lines during the run." "")
  SUMMARY+=("Admission (service metrics at the end of the run): ${ADMISSION:-not available}; sampled each second during the window: $LIMIT_DURING; ${R[refused]:-0} requests refused with 503 + Retry-After in the window (${R[refused_per_s]:-0}/s), refusal latency p50/p99 ${R[refused_p50_ms]:-0} / ${R[refused_p99_ms]:-0} ms, max ${R[refused_max_ms]:-0} ms from the intended send time (${R[refused_over_50ms]:-0} over 50 ms); p50/p99/max ${R[refused_gatling_p50_ms]:-0} / ${R[refused_gatling_p99_ms]:-0} / ${R[refused_gatling_max_ms]:-0} ms from the moment the driver wrote the request (Gatling's own time; ${R[refused_gatling_over_50ms]:-0} over 50 ms); refusals over 50 ms by second of the window (second:count): ${R[refused_over_50ms_by_second]:-none}." "")
  [[ -z "$FAILED" ]] || FAILED_ANY=1
}

# overload_verdict <capacity> <factor>: issue #18's targets for the run just made
overload_verdict() {
  local capacity=$1 factor=$2
  SUMMARY+=("**Overload ×$factor of the capacity ($capacity req/s)**, issue #18's targets: $(awk -v c="$capacity" \
    -v g="${R[throughput_per_s]}" -v p="${R[p99_ms]}" -v m="${R[refused_max_ms]:-0}" -v n="${R[refused]:-0}" \
    -v v="${R[revalidations_refused_while_stats_shed]:-0}" -v r="${R[recovery_s]:--1}" -v e="${R[errors]}" -v f="${FAILED:-}" 'BEGIN {
      ok = "met"; no = "**not met**"
      printf "goodput %.1f/s = %.0f %% of capacity (≥ 90 %%: %s); admitted p99 %.1f ms (≤ 1,000 ms: %s); ", g, 100 * g / c, g >= 0.9 * c ? ok : no, p, p <= 1000 ? ok : no
      printf "%d refused, slowest refusal %.1f ms (all ≤ 50 ms: %s); revalidations refused while statistics were shed: %d (%s); ", n, m, m <= 50 ? ok : no, v, v == 0 ? ok : no
      printf "back to normal (p99 ≤ 300 ms, nothing refused, no error) %s after the overload stopped (≤ 10 s: %s); ", r < 0 ? "not within the recovery phase" : r " s", r >= 0 && r <= 10 ? ok : no
      printf "%d errors; database check %s.", e, f == "" ? "exact" : "**FAILED**" }')" "")
}

if ((CAPACITY_SEARCH)) && [[ -n "${CAPACITY:-}" ]]; then
  SUMMARY+=("**Capacity: $CAPACITY req/s**, as given (CAPACITY), not searched." "")
elif ((CAPACITY_SEARCH)); then
  WARMUP=$CAPACITY_WARMUP DURATION=$CAPACITY_DURATION
  CAPACITY=0 NOT_HELD= rate=$CAPACITY_START
  # up by CAPACITY_STEP while runs hold, down by it while they do not, until one of each is known
  while :; do
    run_once "$rate" "$MIX" search
    if ((HELD)); then CAPACITY=$rate; else NOT_HELD=$rate; fi
    [[ "$CAPACITY" == 0 || -z "$NOT_HELD" ]] || break
    rate=$(awk -v r="$rate" -v s="$CAPACITY_STEP" -v up="$HELD" 'BEGIN { printf "%d", (up ? r * s : r / s) / 10 + 0.5 }')0
    ((rate >= 10)) || die "not even 10 req/s held"
  done
  rate=$(( (CAPACITY + NOT_HELD) / 20 * 10 ))
  if ((rate > CAPACITY)); then
    run_once "$rate" "$MIX" search
    ((HELD == 0)) || CAPACITY=$rate
  fi
  SUMMARY+=("**Capacity: $CAPACITY req/s** (highest rate held with p99 ≤ 300 ms and no errors; $NOT_HELD req/s was not held)." "")
fi
if ((CAPACITY_SEARCH)); then
  WARMUP=$OVERLOAD_WARMUP DURATION=$OVERLOAD_DURATION
  for factor in $OVERLOAD; do
    run_once "$(awk -v c="$CAPACITY" -v f="$factor" 'BEGIN { printf "%d", c * f }')" "$MIX" "overload" \
      "$(awk -v c="$CAPACITY" -v s="$RECOVERY_SHARE" 'BEGIN { printf "%d", c * s }')"
    overload_verdict "$CAPACITY" "$factor"
  done
else
  for run in "${RUNS[@]}"; do run_once "${run%%:*}" "${run#*:}"; done
fi

{
  echo "### Mixed-load benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}), JDBC pool max ${POOL:-default}; fresh database and service per rate."
  echo "Database: $DB_DESC. $(tail -n +2 "$ORGS_CSV" | wc -l) orgs (skeleton + $GRASSROOTS grassroots), $WORKERS imported workers in $UNIONS_USED grassroots unions, the notice's modules and quizzes."
  echo "Driver: Gatling (bench/mixed-load, open model, shared connection pool, HTTP/1.1), -Xmx$DRIVER_XMX $DRIVER_GC, on the same 2 cores; ${WARMUP} s warm-up excluded (rate ramped from 5 % to 100 % over its first two thirds, then held); latency from the intended send time; timeout $BENCH_TIMEOUT_MS ms."
  echo "Requests: module reads of a random module by a random worker, every second one with If-None-Match; progress batches of 1–$MAX_BATCH fresh events (last 2 days, random module, percent, channel), $REPLAY_SHARE of them an earlier batch resent; quiz users start a quiz and submit random answers ${THINK} s (±50 %) later; statistics summary/children/modules, half by the province-admin (province or a city), half by org-admins of their own city, county or grassroots union."
  echo
  printf '%s\n' "${SUMMARY[@]}"
} | tee "$RESULTS"
log "results written to $RESULTS; Gatling's HTML reports are in $GATLING/target/gatling/"
[[ -z "$FAILED_ANY" ]] || die "a database check failed, see $RESULTS"
exit 0
