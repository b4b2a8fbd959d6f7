#!/usr/bin/env bash
# Fault benchmark (issue #11, "faults lose nothing"): simulated phones send progress batches and take quizzes
# against the packaged service and a throwaway MariaDB while a fault hits, retrying like the app does (same eventIds,
# same Idempotency-Keys, backoff, Retry-After honoured). Then the database is checked.
#   sigkill: the service is killed with SIGKILL mid-load and started again on the same port.
#   mariadb: MariaDB is stopped mid-load (SIGKILL of mariadbd by default), kept down, started again on the same port
#            and data directory; while it is down every answer must be 503 problem+json with Retry-After.
# Checks per scenario: every event stored exactly once and as sent, module_progress equal to what the stored events
# add up to, statistics reconciliation with zero drift, every planned submission stored exactly once under its key
# with all its answers, replays byte-identical, no 500 and no 503 without Retry-After (mariadb: no request without a
# response either), full recovery. Prints the figures and "N passed, N failed"; exits 1 if a check failed.
# Run from the repository root (about 3 minutes with the defaults):
#
#   bench/faults/run.sh
#
# Environment (all optional):
#   BENCH_SCENARIOS="sigkill mariadb"  which scenarios to run, in order, on one database (each with its own workers)
#   BENCH_PHONES=24        simulated phones (one worker each, one thread each)
#   BENCH_DURATION=40      seconds each phone generates new work (at least until BENCH_AFTER_READY s after the service
#                          is ready again after the fault); then it finishes its quizzes and replays its submissions
#   BENCH_AFTER_READY=10
#   BENCH_FAULT_AT=12      seconds into the load when the fault hits
#   BENCH_DB_DOWN=10       seconds MariaDB stays down
#   BENCH_DB_KILL=1        1 = SIGKILL mariadbd, 0 = a clean shutdown (SIGTERM)
#   BENCH_BATCH=10         events per progress batch;  BENCH_THINK_MS=300  mean pause between a phone's requests
#   BENCH_MODULE_QUIZZES=2 MODULE quizzes each phone takes besides the FINAL
#   BENCH_GIVE_UP=180      seconds a phone keeps retrying one request before it gives up (a failed check)
#   BENCH_TIMEOUT=15       seconds one HTTP exchange may take before the phone treats it as lost
#   BENCH_XMX=512m         service heap
#
# Output: bench/out/faults/ (git-ignored): mariadb/, service-*.log, run-<scenario>/{requests,events,submissions}.tsv,
# run-<scenario>/driver.txt, results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/faults" ]] || { echo "run me from the repository root" >&2; exit 2; }

SCENARIOS=${BENCH_SCENARIOS:-sigkill mariadb}
PHONES=${BENCH_PHONES:-24}
DURATION=${BENCH_DURATION:-40}
FAULT_AT=${BENCH_FAULT_AT:-12}
DB_DOWN=${BENCH_DB_DOWN:-10}
DB_KILL=${BENCH_DB_KILL:-1}
BATCH=${BENCH_BATCH:-10}
THINK_MS=${BENCH_THINK_MS:-300}
MODULE_QUIZZES=${BENCH_MODULE_QUIZZES:-2}
GIVE_UP=${BENCH_GIVE_UP:-180}
REQUEST_TIMEOUT=${BENCH_TIMEOUT:-15}
AFTER_READY=${BENCH_AFTER_READY:-10}
XMX=${BENCH_XMX:-512m}
OUT=$ROOT/bench/out/faults
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md

source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
[[ -z "${BENCH_DB_URL:-}" ]] || die "this benchmark stops and restarts its own MariaDB; BENCH_DB_URL is not supported"
((FAULT_AT < DURATION)) || die "BENCH_FAULT_AT must be below BENCH_DURATION"

DRIVER_PID=
bench_on_exit() { [[ -z "$DRIVER_PID" ]] || kill "$DRIVER_PID" 2>/dev/null || true; }

require_tools java javac curl openssl python3 mariadb
mkdir -p "$OUT"
LOAD_START=$(loadavg)
jar_ensure
DRIVER_CLASSES=$OUT/driver-classes
compile_driver "$ROOT/bench/faults/FaultDriver.java" "$DRIVER_CLASSES" "$ROOT/bench/quiz-load"
county_codes "$SKELETON"
ms() { date +%s%3N; }

# --- checks: each one counts as passed or failed and lands in the results -------------------------------------
PASSED=0 FAILED=0
declare -a CHECKS=()
# check <scenario> <description> <observed> <expected>: passes when observed equals expected
check() {
  if [[ "$3" == "$4" ]]; then
    PASSED=$((PASSED + 1)); CHECKS+=("| $1 | $2 | $3 | pass |")
  else
    FAILED=$((FAILED + 1)); CHECKS+=("| $1 | $2 | $3 (expected $4) | **FAIL** |"); log "CHECK FAILED ($1): $2: $3, expected $4"
  fi
}

# --- setup (not timed) -----------------------------------------------------------------------------------------
rm -f "$OUT"/service-*.log
db_start
SERVICE_LOG=$OUT/service-1.log
app_start
ADMIN_TOKEN=$(mint_token bench-fault-admin '["province-admin"]' QH 7200 "bench-fault-admin-$STAMP")
ADMIN_TIMEOUT=120
admin POST /api/v1/admin/orgs/import 200 -F "file=@$SKELETON;type=text/csv"
admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"

# worker_call <token> <method> <path>: prints the status of one worker call; the body lands in $OUT/worker-response.json
worker_call() {
  curl -sS --max-time 60 -o "$OUT/worker-response.json" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" "$BASE$3" \
    || echo curl-error
}
PROBE_ORG=${COUNTIES[0]}
probe_token() { mint_token "bench-fault-probe-$1" '["worker"]' "$PROBE_ORG" 7200 "bench-fault-probe-$1-$STAMP"; }
[[ "$(worker_call "$(probe_token list)" GET /api/v1/modules)" == 200 ]] || die "GET /api/v1/modules: $(head -c 300 "$OUT/worker-response.json")"
MODULES=$(python3 -c 'import json,sys; print(",".join(str(m["id"]) for m in json.load(open(sys.argv[1]))))' "$OUT/worker-response.json")
[[ "$(worker_call "$(probe_token list)" GET /api/v1/quizzes)" == 200 ]] || die "GET /api/v1/quizzes: $(head -c 300 "$OUT/worker-response.json")"
# The FINAL, then MODULE quizzes a probe worker (one per quiz, not one of the phones) can start.
QUIZZES= MODULE_TAKEN=0
while read -r id kind; do
  [[ "$kind" == FINAL ]] || ((MODULE_TAKEN < MODULE_QUIZZES)) || continue
  status=$(worker_call "$(probe_token "$id")" POST "/api/v1/quizzes/$id/attempts")
  if [[ "$status" == 201 ]]; then
    QUIZZES+="${QUIZZES:+,}$id"
    [[ "$kind" == FINAL ]] || MODULE_TAKEN=$((MODULE_TAKEN + 1))
  else
    log "quiz $id ($kind) left out: start answered $status"
  fi
done < <(python3 -c '
import json, sys
quizzes = [q for q in json.load(open(sys.argv[1])) if q["kind"] in ("FINAL", "MODULE")]
for q in sorted(quizzes, key=lambda q: q["kind"] != "FINAL"): print(q["id"], q["kind"])' "$OUT/worker-response.json")
[[ -n "$QUIZZES" ]] || die "no quiz can be started"
log "modules: $MODULES; quizzes each phone takes: $QUIZZES"

# The phones' workers are provisioned before the load (GET /api/v1/me, 8 at a time), as the other benchmarks do.
mint_phones() {  # mint_phones <scenario>: "sub TAB token" lines for the scenario's phones, orgs spread over counties
  local p sub
  for ((p = 1; p <= PHONES; p++)); do
    sub=$(printf 'bench-fault-%s-%04d' "$1" "$p")
    printf '%s\t%s\n' "$sub" "$(mint_token "$sub" '["worker"]' "${COUNTIES[$(((p - 1) % ${#COUNTIES[@]}))]}" 7200 "$sub-$STAMP")"
  done
}

# Readiness polled every 200 ms until UP (bounded); prints the epoch ms it was first seen UP.
wait_ready() {
  local i
  for ((i = 0; i < 900; i++)); do
    curl -fsS --max-time 2 "$BASE/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"' && { ms; return 0; }
    sleep 0.2
  done
  die "readiness not UP within 180 s after the fault"
}

# --- the faults: each writes "<name> <epoch ms>" lines to $PHASES ------------------------------------------------
fault_sigkill() {
  echo "fault $(ms)" >>"$PHASES"
  kill -9 "$APP_PID"
  wait "$APP_PID" 2>/dev/null || true
  echo "down $(ms)" >>"$PHASES"
  log "service pid $APP_PID killed with SIGKILL; starting it again on port $APP_PORT"
  SERVICE_LOG=$OUT/service-$((++SERVICE_STARTS)).log
  echo "restart $(ms)" >>"$PHASES"
  app_restart
  echo "ready $(ms)" >>"$PHASES"
}

fault_mariadb() {
  echo "fault $(ms)" >>"$PHASES"
  if [[ "$DB_KILL" == 1 ]]; then kill -9 "$DB_PID"; wait "$DB_PID" 2>/dev/null || true; DB_PID=; else db_stop; fi
  echo "down $(ms)" >>"$PHASES"
  log "MariaDB $([[ "$DB_KILL" == 1 ]] && echo 'killed with SIGKILL' || echo 'stopped'); down for $DB_DOWN s"
  sleep "$DB_DOWN"
  echo "restart $(ms)" >>"$PHASES"
  db_restart
  echo "up $(ms)" >>"$PHASES"
  echo "ready $(wait_ready)" >>"$PHASES"
}
SERVICE_STARTS=1

# --- one scenario ------------------------------------------------------------------------------------------------
declare -a FIGURES=()
run_scenario() {
  local name=$1 dir=$OUT/run-$1 prefix=bench-fault-$1- load0 errs0 line0
  rm -rf "$dir" && mkdir -p "$dir"
  PHASES=$dir/phases.txt
  : >"$PHASES"
  mint_phones "$name" >"$dir/tokens.tsv"
  log "$name: provisioning $PHONES workers: $(cut -f2 "$dir/tokens.tsv" | xargs -P 8 -I{} curl -sS --max-time 30 -o /dev/null \
    -w '%{http_code}\n' -H 'Authorization: Bearer {}' "$BASE/api/v1/me" | sort | uniq -c | tr -s ' \n' ' ')"
  load0=$(loadavg) errs0=$(cat "$OUT"/service-*.log | grep -c ' ERROR ' || true)
  log "$name: $PHONES phones for $DURATION s, fault at $FAULT_AT s (load $load0)"
  echo "start $(ms)" >>"$PHASES"
  timeout $((DURATION + 10 * GIVE_UP + 300)) java -Xss512k -Xmx256m -cp "$DRIVER_CLASSES" FaultDriver --base "$BASE" \
    --tokens "$dir/tokens.tsv" --modules "$MODULES" --quizzes "$QUIZZES" --out "$dir" --duration-s "$DURATION" \
    --batch "$BATCH" --think-ms "$THINK_MS" --timeout-s "$REQUEST_TIMEOUT" --give-up-s "$GIVE_UP" \
    --phases "$PHASES" --after-ready-s "$AFTER_READY" \
    >"$dir/driver.txt" 2>"$dir/driver.err" &
  DRIVER_PID=$!
  sleep "$FAULT_AT"
  "fault_$name"
  wait "$DRIVER_PID" || die "the driver failed, see $dir/driver.err"
  DRIVER_PID=
  echo "end $(ms)" >>"$PHASES"
  cat "$dir/driver.err" >&2
  declare -A R=() P=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$dir/driver.txt")
  while read -r k v; do P[$k]=$v; done <"$PHASES"

  # --- HTTP: what the phones saw ---
  # requests.tsv: sent_ms done_ms phone kind attempt status error retry_after problem_json
  local s500 s503_bare conn down_statuses first_ok recovered
  s500=$(awk -F'\t' '$6 >= 500 && $6 != 503' "$dir/requests.tsv" | wc -l)
  s503_bare=$(awk -F'\t' '$6 == 503 && ($8 == "-" || $9 != 1)' "$dir/requests.tsv" | wc -l)
  conn=$(awk -F'\t' '$6 == -1' "$dir/requests.tsv" | wc -l)
  # statuses of the requests answered between the fault and the moment the service was ready again
  down_statuses=$(awk -F'\t' -v a="${P[fault]}" -v b="${P[ready]}" '$2 >= a && $2 <= b { n[$6 == -1 ? "no-response:" $7 : $6]++ }
    END { for (k in n) printf "%s%s×%d", sep++ ? ", " : "", k, n[k] }' "$dir/requests.tsv")
  first_ok=$(awk -F'\t' -v b="${P[restart]}" '$1 >= b && $6 >= 200 && $6 < 300 { print $2; exit }' <(sort -n -k2,2 "$dir/requests.tsv"))
  recovered=$(awk -F'\t' -v r="${P[ready]}" '$1 > r && $4 == "progress" && $6 == 200' "$dir/requests.tsv" | wc -l)
  check "$name" "responses 500 (any 5xx but 503)" "$s500" 0
  check "$name" "503 without Retry-After or problem+json" "$s503_bare" 0
  check "$name" "2xx progress answers after recovery (load continued)" "$([[ $recovered -gt 0 ]] && echo yes || echo "no ($recovered)")" yes
  if [[ "$name" == mariadb ]]; then
    check "$name" "requests without a response (service unreachable)" "$conn" 0
    # down: from the moment mariadbd was gone until the moment the script began to start it again
    check "$name" "503 answers while MariaDB was down" "$(awk -F'\t' -v a="${P[down]}" -v b="${P[restart]}" \
      '$2 >= a && $2 <= b && $6 == 503' "$dir/requests.tsv" | awk 'END { print (NR > 0) ? "some" : "none" }')" some
    check "$name" "answers other than 503 while MariaDB was down" "$(awk -F'\t' -v a="${P[down]}" -v b="${P[restart]}" \
      '$1 >= a && $2 <= b && $6 != 503 { n++; printf "%s ", $6 } END { if (!n) printf "none" }' "$dir/requests.tsv" | sed 's/ $//')" none
  else
    check "$name" "the kill hit requests in flight or refused (fault effective)" "$([[ $conn -gt 0 ]] && echo yes || echo no)" yes
  fi

  # --- progress: every event generated stored exactly once, as sent ---
  local expected stored missing extra dupes outcomes drift_mp orphan_mp
  cut -f1-5 "$dir/events.tsv" | sort >"$dir/expected-events.txt"
  sql "SELECT w.external_id, e.event_id, e.module_id, e.percent, e.seconds_spent FROM progress_event e
       JOIN worker w ON w.id = e.worker_id WHERE w.external_id LIKE '$prefix%'" | sort >"$dir/stored-events.txt"
  expected=$(wc -l <"$dir/expected-events.txt") stored=$(wc -l <"$dir/stored-events.txt")
  missing=$(comm -23 "$dir/expected-events.txt" "$dir/stored-events.txt" | wc -l)
  extra=$(comm -13 "$dir/expected-events.txt" "$dir/stored-events.txt" | wc -l)
  dupes=$(cut -f1,2 "$dir/stored-events.txt" | uniq -d | wc -l)
  check "$name" "progress_event rows = events the phones generated" "$stored" "$expected"
  check "$name" "events missing / stored but never sent (or altered) / stored twice" "$missing / $extra / $dupes" "0 / 0 / 0"
  outcomes=$(cut -f7 "$dir/events.tsv" | grep -cvE '^(ACCEPTED|DUPLICATE)$' || true)
  check "$name" "events without a final ACCEPTED or DUPLICATE" "$outcomes" 0
  check "$name" "fresh events answered DUPLICATE on their first send" "${R[duplicate_on_first_try]}" 0
  # module_progress holds, per worker and module, what its stored events add up to: highest percent, sum of seconds,
  # first and last activity. Rows without events, and groups of events without a row, are drift too.
  drift_mp=$(sql "SELECT COUNT(*) FROM (SELECT e.worker_id, e.module_id, MAX(e.percent) p, SUM(e.seconds_spent) s,
         MIN(e.occurred_at) f, MAX(e.occurred_at) l FROM progress_event e JOIN worker w ON w.id = e.worker_id
         WHERE w.external_id LIKE '$prefix%' GROUP BY e.worker_id, e.module_id) x
       LEFT JOIN module_progress mp ON mp.worker_id = x.worker_id AND mp.module_id = x.module_id
       WHERE mp.worker_id IS NULL OR mp.percent <> x.p OR mp.seconds_spent <> x.s OR mp.first_activity_at <> x.f
          OR mp.last_activity_at <> x.l")
  orphan_mp=$(sql "SELECT COUNT(*) FROM module_progress mp JOIN worker w ON w.id = mp.worker_id
       WHERE w.external_id LIKE '$prefix%' AND NOT EXISTS (SELECT 1 FROM progress_event e
         WHERE e.worker_id = mp.worker_id AND e.module_id = mp.module_id)")
  check "$name" "module_progress rows differing from their events / without events" "$drift_mp / $orphan_mp" "0 / 0"

  # --- quizzes: every planned submission stored exactly once, under its key, with all its answers ---
  local planned ok_submits attempts doubles bad_answers replays
  planned=${R[submissions_planned]}
  ok_submits=$(awk -F'\t' '$5 == "submit-200"' "$dir/submissions.tsv" | wc -l)
  check "$name" "planned submissions answered 200 in the end" "$ok_submits" "$planned"
  awk -F'\t' '$5 == "submit-200" { print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $6 }' "$dir/submissions.tsv" | sort >"$dir/expected-attempts.txt"
  sql "SELECT w.external_id, qa.quiz_id, qa.id, COALESCE(qa.idempotency_key, '-'), qa.status FROM quiz_attempt qa
       JOIN worker w ON w.id = qa.worker_id WHERE w.external_id LIKE '$prefix%'" | sort >"$dir/stored-attempts.txt"
  attempts=$(wc -l <"$dir/stored-attempts.txt")
  check "$name" "quiz_attempt rows = planned submissions" "$attempts" "$planned"
  check "$name" "attempts differing from the phones' (worker, quiz, attempt, key, status)" \
    "$(diff "$dir/expected-attempts.txt" "$dir/stored-attempts.txt" | grep -c '^[<>]' || true)" 0
  doubles=$(sql "SELECT COUNT(*) FROM (SELECT qa.worker_id FROM quiz_attempt qa JOIN worker w ON w.id = qa.worker_id
       WHERE w.external_id LIKE '$prefix%' GROUP BY qa.worker_id, qa.quiz_id HAVING COUNT(*) > 1) d")
  check "$name" "workers with two attempts at one quiz" "$doubles" 0
  bad_answers=$(sql "SELECT COUNT(*) FROM quiz_attempt qa JOIN worker w ON w.id = qa.worker_id JOIN quiz q ON q.id = qa.quiz_id
       WHERE w.external_id LIKE '$prefix%' AND (qa.status NOT IN ('SUBMITTED', 'LATE') OR qa.response_body IS NULL
         OR qa.request_hash IS NULL OR qa.open_key IS NOT NULL
         OR (SELECT COUNT(*) FROM attempt_answer aa WHERE aa.attempt_id = qa.id) <> q.question_count)")
  check "$name" "attempts half-written (status, stored response, answers ≠ question count)" "$bad_answers" 0
  replays=$(awk -F'\t' '$5 == "submit-200" && $9 != "identical"' "$dir/submissions.tsv" | wc -l)
  check "$name" "replayed submissions not byte-identical to the first 200" "$replays" 0

  # --- counters: the statistics follow the records ---
  reconcile_job
  check "$name" "reconciliation drift (all counter tables)" \
    "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["totalDrift"], *("%s:%d" % (t["table"], t["driftedRows"]) for t in r["tables"] if t["driftedRows"]))' "$OUT/response.json")" 0

  # --- figures ---
  local errs1 recover_ready recover_first fault_s
  errs1=$(cat "$OUT"/service-*.log | grep -c ' ERROR ' || true)
  recover_ready=$(awk -v a="${P[restart]}" -v b="${P[ready]}" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
  recover_first=$([[ -n "$first_ok" ]] && awk -v a="${P[restart]}" -v b="$first_ok" 'BEGIN { printf "%.1f", (b - a) / 1000 }' || echo n/a)
  fault_s=$(awk -v a="${P[fault]}" -v b="${P[ready]}" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
  FIGURES+=("#### $name ($(date '+%H:%M'), load average $load0 before, $(loadavg) after)" "")
  if [[ "$name" == sigkill ]]; then
    FIGURES+=("Service killed with SIGKILL $FAULT_AT s into the load; unreachable until ready again on the same port: $fault_s s (start to ready: $recover_ready s; first 2xx $recover_first s after the restart began).")
  else
    FIGURES+=("MariaDB $([[ "$DB_KILL" == 1 ]] && echo 'killed with SIGKILL' || echo 'stopped cleanly') $FAULT_AT s into the load, down $DB_DOWN s, then started on the same port and data directory; from its start to service readiness UP: $recover_ready s; to the first 2xx a phone got: $recover_first s.")
  fi
  FIGURES+=("- phones $PHONES, ${R[seconds]} s until the last answer; requests ${R[requests]} (${R[requests_by_kind]//,/, }), of them retries ${R[retries]}")
  FIGURES+=("- statuses, all requests: ${R[statuses]//,/, }")
  FIGURES+=("- answers between the fault and readiness: ${down_statuses:-none}")
  FIGURES+=("- events ${R[events]} (${R[event_outcomes]//,/, }), stored $stored; submissions planned $planned (${R[submission_outcomes]//,/, }), replays ${R[replays]//,/, }")
  FIGURES+=("- service log: $((errs1 - errs0)) ERROR lines during the scenario" "")
  if ((errs1 > errs0)); then
    cat "$OUT"/service-*.log | grep -E '^Caused by|ERROR' | sed -E 's/^[0-9-]+ [0-9:,]+ //; s/\((executor-thread|vert.x-[a-z-]+thread)-[0-9]+\)/(…)/; s/incident [0-9a-f-]+/incident …/' \
      | sort | uniq -c | sort -rn | head -12 >"$dir/service-errors.txt"
    log "$name: distinct service ERROR / Caused by lines so far:"; cat "$dir/service-errors.txt" >&2
  fi
  log "$name: done; $PASSED passed, $FAILED failed so far"
}

for scenario in $SCENARIOS; do
  [[ "$(type -t "fault_$scenario")" == function ]] || die "unknown scenario $scenario (sigkill, mariadb)"
  run_scenario "$scenario"
done

{
  echo "### Fault benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  machine_line
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC}). Database: $DB_DESC."
  echo "Load per scenario: $PHONES phones (own workers), each: progress batches of $BATCH events with ~$THINK_MS ms pauses for $DURATION s, and quizzes $QUIZZES (FINAL first) started and submitted once each at spread moments; a phone retries a request without a response, a 5xx or a 429 unchanged with backoff (≥ Retry-After) for up to $GIVE_UP s; afterwards every submission is replayed once with its key."
  echo
  printf '%s\n' "${FIGURES[@]}"
  echo "| scenario | check | observed | result |"
  echo "|---|---|---|---|"
  printf '%s\n' "${CHECKS[@]}"
  echo
  echo "$PASSED passed, $FAILED failed"
} | tee "$RESULTS"
log "results written to $RESULTS"
((FAILED == 0)) || exit 1
exit 0
