# Reconciliation half of bench/stats-scale/run.sh (sourced), issue #17: the ceiling (one sequential read of the
# two big source tables), a full rebuild of every counter from empty, a full check with nothing to repair, and
# progress single events with and without a rebuild running, and the nightly CHANGED check after activity, all
# on the loaded province in this run.
# shellcheck shell=bash

COUNTER_TABLES="worker_campaign org_worker_count org_campaign_count org_module_count org_day_count org_channel_count
  org_question_count org_option_count org_item_count org_position_count subtree_question_count subtree_option_count
  subtree_item_count subtree_position_count"

measure_reconcile() {
  local t ceiling rebuild check drift
  wait_quiet "$WAIT_QUIET"
  t=$(now)
  sql "SELECT COUNT(*), SUM(seconds_spent) FROM progress_event" >/dev/null
  sql "SELECT COUNT(*), SUM(question_version) FROM attempt_answer" >/dev/null
  ceiling=$(elapsed "$t" "$(now)")
  log "ceiling (progress_event + attempt_answer read once): $ceiling s"

  wipe_counters
  reconcile_job
  rebuild=$RECONCILE_SECONDS
  drift=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalDrift"])' "$OUT/response.json")
  cp "$OUT/response.json" "$OUT/reconcile-rebuild-$STAMP.json"
  RECONCILES+=("| full rebuild (counters emptied first; rows written = drift) | $drift | $rebuild | $ceiling | $(ratio "$rebuild" "$ceiling" 1)× | ≤ 3× | $(loadavg) |")

  reconcile_job
  check=$RECONCILE_SECONDS
  drift=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalDrift"])' "$OUT/response.json")
  [[ "$drift" == 0 ]] || die "the check after the rebuild found drift $drift: $(cat "$OUT/response.json")"
  RECONCILES+=("| full check, nothing to repair | $drift | $check | $ceiling | $(ratio "$check" "$ceiling" 1)× | ≤ 3× | $(loadavg) |")

  [[ " $PARTS " == *" writes-during-rebuild "* ]] && writes_during_rebuild
  nightly_incremental
  return 0
}

# The nightly check after activity, NIGHTLY_ROUNDS times in a row on the same database process: the first round
# after a --reuse start meets a cold buffer pool, later rounds one that the round before warmed.
nightly_incremental() {
  local round
  for ((round = 1; round <= NIGHTLY_ROUNDS; round++)); do
    nightly_round "$round"
  done
}

# One night: progress writes (single events and batches, live counters on) since the last verified check, then the
# service restarted with a cron that fires every 20 s and a weekly full night that is not tonight, so its first
# tick runs the CHANGED check; timed from the job's own start and end.
nightly_round() {
  local tokens=$OUT/write-tokens.tsv modules t0 id full_day state unions drift seconds mark changed_workers i table
  compile_driver "$ROOT/bench/progress-sync/ProgressDriver.java" "$WRITE_CLASSES"
  modules=$(sql "SELECT id FROM study_module WHERE published = TRUE ORDER BY position" | paste -sd,)
  [[ -s "$tokens" ]] || mint_write_tokens "$tokens"
  write_run true "activity before the nightly check, batches of 50" 50 16 "$WRITE_SECONDS" "$tokens" "$modules"
  # 16 clients: after the batches the adaptive limit can sit at 16, and this driver counts each refusal as an error.
  write_run true "activity before the nightly check, single events" 1 16 "$WRITE_SECONDS" "$tokens" "$modules"
  nightly_quizzes "$tokens" "$NIGHTLY_QUIZZES"
  mark=$(sql "SELECT verified_at FROM stats_check_mark WHERE job = 'stats-reconcile'")
  changed_workers="SELECT org_id FROM org_worker_count WHERE changed_at >= '$mark'"
  for table in org_campaign_count org_question_count org_option_count org_item_count org_position_count org_day_count \
      org_channel_count org_module_count; do
    changed_workers+=" UNION SELECT org_id FROM $table WHERE changed_at >= '$mark'"
  done
  changed_workers=$(sql "SELECT COUNT(*) FROM worker WHERE org_id IN ($changed_workers)")
  full_day=$(TZ=Asia/Shanghai date -d '+2 days' +%A | tr '[:lower:]' '[:upper:]')
  t0=$(sql "SELECT UTC_TIMESTAMP(6)")
  sql "DELETE FROM scheduled_run WHERE job = 'stats-reconcile'"
  app_stop
  start_service "nightly-$1" STUDY_STATS_RECONCILE_CRON="0/20 * * * * ?" STUDY_STATS_CHECK_FULL_CHECK_DAY="$full_day"
  for ((i = 0; i < 120; i++)); do
    id=$(sql "SELECT id FROM stats_reconcile_job WHERE kind = 'CHANGED' AND started_at >= '$t0' ORDER BY started_at DESC LIMIT 1")
    [[ -n "$id" ]] && break
    sleep 1
  done
  [[ -n "$id" ]] || die "no nightly CHANGED check started within 120 s"
  while :; do
    admin GET "/api/v1/admin/stats/reconcile/$id" 200
    [[ "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$OUT/response.json")" == RUNNING ]] || break
    sleep 0.5
  done
  cp "$OUT/response.json" "$OUT/reconcile-nightly-$STAMP.json"
  read -r state unions drift seconds < <(python3 -c '
import json, sys
from datetime import datetime
j = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
print(j["state"], j["rowsEstimated"], j["totalDrift"], "%.1f" % (t(j["finishedAt"]) - t(j["startedAt"])).total_seconds())' "$OUT/response.json")
  [[ "$state" == SUCCEEDED ]] || die "the nightly check ended $state"
  RECONCILES+=("| nightly CHANGED check after activity, round $1 of $NIGHTLY_ROUNDS ($unions unions changed, $changed_workers workers in them) | $drift | $seconds | | | ≤ 60 s | $(loadavg) |")
  app_stop
  start_service bench
}

# nightly_quizzes <tokens> <count>: that many of the activity's workers each sit a module quiz (the quizzes in turn)
# and submit the first option of every question; a worker whose attempts are used up (409 max-attempts) is skipped.
nightly_quizzes() {
  local quizzes=() sub token status attempt submitted=0 skipped=0 i=0 t
  (($2 > 0)) || return 0
  mapfile -t quizzes < <(sql "SELECT id FROM quiz WHERE kind = 'MODULE' AND active = TRUE ORDER BY id")
  t=$(now)
  while IFS=$'\t' read -r sub token && ((submitted < $2)); do
    status=$(curl -sS -o "$OUT/quiz.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
      "$BASE/api/v1/quizzes/${quizzes[i++ % ${#quizzes[@]}]}/attempts") || status=curl-error
    # only a 409 max-attempts means "used up"; any other refusal (an expired token's 401, say) is the bench's fault
    if [[ "$status" == 409 ]] && grep -q '"type" *: *"[^"]*max-attempts"' "$OUT/quiz.json"; then
      skipped=$((skipped + 1))
      continue
    fi
    [[ "$status" == 200 || "$status" == 201 ]] || die "quiz start for $sub returned $status: $(head -c 400 "$OUT/quiz.json")"
    attempt=$(python3 -c '
import json, sys
started = json.load(open(sys.argv[1]))
answers = [{"questionId": q["questionId"], "response": [q["options"][0]["key"]]} for q in started["questions"] if q["options"]]
json.dump({"answers": answers}, open(sys.argv[2], "w"))
print(started["attemptId"])' "$OUT/quiz.json" "$OUT/answers.json")
    status=$(curl -sS -o "$OUT/quiz.json" -w '%{http_code}' -X PUT -H "Authorization: Bearer $token" \
      -H "Content-Type: application/json" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
      --data-binary @"$OUT/answers.json" "$BASE/api/v1/attempts/$attempt/answers") || status=curl-error
    [[ "$status" == 200 ]] || die "quiz submit for $sub returned $status: $(head -c 400 "$OUT/quiz.json")"
    submitted=$((submitted + 1))
  done <"$1"
  ((submitted == $2)) || die "only $submitted of $2 quizzes submitted ($skipped starts refused)"
  log "activity before the nightly check: $submitted module quizzes submitted in $(elapsed "$t" "$(now)") s ($skipped starts refused)"
}

mint_write_tokens() {
  local sub org
  while read -r sub org; do
    printf '%s\t%s\n' "$sub" "$(mint_token "$sub" '["worker"]' "$org" 7200 "bench-write-$sub-$STAMP")" >>"$1"
  done < <(sql "SELECT w.external_id, o.code FROM worker w JOIN organization o ON o.id = w.org_id
                ORDER BY CRC32(w.external_id) LIMIT $WRITE_WORKERS")
}

wipe_counters() {
  local table
  for table in $COUNTER_TABLES; do
    sql "TRUNCATE TABLE $table"
  done
}

# Single progress events (live counters on) alone, then while a full rebuild runs: the rebuild must outlast the
# writes run, so it starts from emptied counters; the drift check after it proves the writes were kept.
writes_during_rebuild() {
  local tokens=$OUT/write-tokens.tsv modules id state
  compile_driver "$ROOT/bench/progress-sync/ProgressDriver.java" "$WRITE_CLASSES"
  modules=$(sql "SELECT id FROM study_module WHERE published = TRUE ORDER BY position" | paste -sd,)
  [[ -s "$tokens" ]] || mint_write_tokens "$tokens"
  write_run true warm-up 50 16 10 "$tokens" "$modules"
  wait_quiet "$WAIT_QUIET"
  write_run true "single events, no rebuild" 1 32 "$WRITE_SECONDS" "$tokens" "$modules"
  wipe_counters
  admin POST /api/v1/admin/stats/reconcile 202
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/response.json")
  write_run true "single events, during a full rebuild" 1 32 "$WRITE_SECONDS" "$tokens" "$modules"
  admin GET "/api/v1/admin/stats/reconcile/$id" 200
  state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$OUT/response.json")
  [[ "$state" == RUNNING ]] || log "WARNING: the rebuild ended ($state) before the writes run did; the slowdown is understated"
  while [[ "$state" == RUNNING ]]; do
    sleep 1
    admin GET "/api/v1/admin/stats/reconcile/$id" 200
    state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$OUT/response.json")
  done
  [[ "$state" == SUCCEEDED ]] || die "the rebuild under writes ended $state"
  reconcile_job
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["totalDrift"]; sys.exit(d != 0)' "$OUT/response.json" \
    || die "drift after the rebuild under writes: $(cat "$OUT/response.json")"
}
