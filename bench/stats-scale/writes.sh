# Writes half of bench/stats-scale/run.sh (sourced): progress writes against the loaded province with the live
# counters on and then off (service restarted), driven by bench/progress-sync/ProgressDriver.java, so that the cost
# of the counters is measured at a million workers. Each run adds fresh events to the database; the counters-off run
# leaves the counters short of its own events until the next reconciliation.
# shellcheck shell=bash

WRITE_WORKERS=${BENCH_WRITE_WORKERS:-1000}
WRITE_SECONDS=${BENCH_WRITE_SECONDS:-20}
# The order of the runs: the first meets a colder buffer pool, so alternate ("true false false true") to compare.
WRITE_ORDER=${BENCH_WRITE_ORDER:-true false}
WRITE_CLASSES=$OUT/progress-driver-classes

measure_writes() {
  compile_driver "$ROOT/bench/progress-sync/ProgressDriver.java" "$WRITE_CLASSES"
  local tokens=$OUT/write-tokens.tsv modules sub org counters
  modules=$(sql "SELECT id FROM study_module WHERE published = TRUE ORDER BY position" | paste -sd,)
  log "minting tokens for $WRITE_WORKERS existing workers spread over the province"
  : >"$tokens"
  while read -r sub org; do
    printf '%s\t%s\n' "$sub" "$(mint_token "$sub" '["worker"]' "$org" 7200 "bench-write-$sub-$STAMP")" >>"$tokens"
  done < <(sql "SELECT w.external_id, o.code FROM worker w JOIN organization o ON o.id = w.org_id
                ORDER BY CRC32(w.external_id) LIMIT $WRITE_WORKERS")
  for counters in $WRITE_ORDER; do
    app_stop
    start_service "writes-counters-$counters" STUDY_STATS_LIVE_COUNTERS=$counters
    write_run "$counters" warm-up 50 16 10 "$tokens" "$modules"
    wait_quiet "$WAIT_QUIET"
    write_run "$counters" "batches of 50" 50 16 "$WRITE_SECONDS" "$tokens" "$modules"
    write_run "$counters" "single events" 1 32 "$WRITE_SECONDS" "$tokens" "$modules"
  done
}

write_run() {  # write_run <counters> <label> <batch> <clients> <seconds> <tokens file> <module ids>
  local counters=$1 label=$2 batch=$3 clients=$4 seconds=$5 load0 out
  load0=$(loadavg)
  out=$OUT/writes-$STAMP-$counters-${label// /-}.txt
  java -Xss512k -cp "$WRITE_CLASSES" ProgressDriver --base "$BASE" --tokens "$6" --modules "$7" --mode load \
    --batch "$batch" --concurrency "$clients" --duration-s "$seconds" --spread-days 2 \
    --pids "service=$APP_PID,mariadb=$DB_PID" --label "$label" >"$out" 2>"$out.err" \
    || die "ProgressDriver failed, see $out.err"
  declare -A R=()
  while read -r _ kv; do R[${kv%%=*}]=${kv#*=}; done < <(grep '^RESULT ' "$out")
  [[ "${R[errors]}" == none && "${R[rejected]:-0}" == 0 ]] || die "$label: errors ${R[errors]}, rejected ${R[rejected]:-?}"
  log "writes, counters $counters, $label: ${R[events_per_s]} events/s, ${R[requests_per_s]} req/s, p50/p95/p99 ${R[p50_ms]}/${R[p95_ms]}/${R[p99_ms]} ms"
  [[ "$label" == warm-up ]] && return 0
  WRITES+=("| $label | $clients | $counters | ${R[events_per_s]} | ${R[requests_per_s]} | ${R[p50_ms]} / ${R[p95_ms]} / ${R[p99_ms]} | ${R[accepted]} | $load0 → $(loadavg) |")
}
