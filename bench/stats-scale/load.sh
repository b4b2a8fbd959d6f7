# Loading half of bench/stats-scale/run.sh (sourced): the province through the service's import APIs, the
# simulated activity with LOAD DATA LOCAL INFILE, the counters through the service's reconciliation.
# shellcheck shell=bash

phase() {  # phase <name> <rows> <start stamp>: records a timed load phase
  local seconds
  seconds=$(elapsed "$3" "$(now)")
  PHASES+=("| $1 | $2 | $seconds | $(loadavg) |")
  log "$1: $2 rows in $seconds s"
}

DOC_NUMBER='青总发〔2022〕24号'

# The column list and conversions of each generated file (gen_activity.py writes epoch seconds).
load_columns() {
  case $1 in
    module_progress) echo "(worker_id, module_id, percent, seconds_spent, @first, @last, @done)
        SET first_activity_at = FROM_UNIXTIME(@first), last_activity_at = FROM_UNIXTIME(@last),
            completed_at = FROM_UNIXTIME(@done)" ;;
    progress_event) echo "(worker_id, event_id, module_id, module_version, percent, seconds_spent, @occurred, @received,
        channel) SET occurred_at = FROM_UNIXTIME(@occurred), received_at = FROM_UNIXTIME(@received)" ;;
    worker_active_day) echo "(worker_id, notice_id, activity_day)" ;;
    quiz_attempt) echo "(id, quiz_id, worker_id, status, open_key, attempt_day, @started, @deadline, @submitted, score,
        passed, draw, idempotency_key, request_hash, response_body) SET started_at = FROM_UNIXTIME(@started),
        deadline = FROM_UNIXTIME(@deadline), submitted_at = FROM_UNIXTIME(@submitted)" ;;
    attempt_answer) echo "(attempt_id, position, question_id, question_version, response, picked_keys, correct)" ;;
    campaign_completion) echo "(worker_id, notice_id, @done) SET completed_at = FROM_UNIXTIME(@done)" ;;
  esac
}

load_tables() {  # load_tables <table>...: both shards of each table through a FIFO; a table row per table to gen/
  local table t fifo seconds
  for table in "$@"; do
    t=$(now)
    fifo=$DATA/gen/$table.fifo
    rm -f "$fifo" && mkfifo "$fifo"
    cat "$DATA/gen/$table.0.tsv" "$DATA/gen/$table.1.tsv" >"$fifo" &
    "${MYSQL[@]}" --local-infile=1 "$DB_NAME" -e "SET SESSION foreign_key_checks = 0, unique_checks = 0,
        time_zone = '+00:00'; LOAD DATA LOCAL INFILE '$fifo' INTO TABLE $table CHARACTER SET utf8mb4 $(load_columns "$table")"
    wait $!
    rm -f "$fifo" "$DATA/gen/$table.0.tsv" "$DATA/gen/$table.1.tsv"
    seconds=$(elapsed "$t" "$(now)")
    echo "| LOAD DATA LOCAL INFILE $table | $(sql "SELECT COUNT(*) FROM $table") | $seconds | $(loadavg) |" >>"$DATA/gen/loaded.$1"
  done
}

export_inputs() {  # what the simulation needs from the service's tables, as tab-separated files
  local in=$DATA/in
  mkdir -p "$in"
  sql "SELECT id, org_id FROM worker ORDER BY id" >"$in/workers.tsv"
  sql "SELECT id, path FROM organization" >"$in/orgs.tsv"
  sql "SELECT m.id, m.code, m.current_version FROM study_module m WHERE m.notice_id = $NOTICE_ID AND m.published
       ORDER BY m.position" >"$in/modules.tsv"
  sql "SELECT id, kind, COALESCE(module_code, ''), question_count, pass_score, time_limit_seconds, max_attempts FROM quiz
       WHERE notice_id = $NOTICE_ID AND kind IN ('MODULE', 'FINAL') AND active ORDER BY id" >"$in/quizzes.tsv"
  sql "SELECT q.id, q.type, COALESCE(q.module_code, ''), v.version, v.options, v.answer FROM question q
       JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
       WHERE q.notice_id = $NOTICE_ID AND q.status = 'APPROVED' ORDER BY q.id" >"$in/questions.tsv"
}

load_province() {
  local t total shard
  total=$(now)
  t=$(now)
  if [[ ! -f "$DATA/orgs-$GRASSROOTS.csv" || ! -f "$DATA/workers-$WORKERS-$GRASSROOTS.csv" ]]; then
    python3 "$HERE/gen_tree.py" --skeleton "$SKELETON" --orgs-out "$DATA/orgs-$GRASSROOTS.csv" \
      --workers-out "$DATA/workers-$WORKERS-$GRASSROOTS.csv" --grassroots "$GRASSROOTS" --workers "$WORKERS" >&2
  fi
  phase "generate the org and worker CSV files (cached)" "$((WORKERS + GRASSROOTS + 93))" "$t"

  t=$(now)
  start_service load
  phase "schema: service start, Flyway V1–V$(ls "$ROOT/src/main/resources/db/migration" | wc -l)" 0 "$t"
  ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-stats-load-$STAMP")

  t=$(now)
  admin POST /api/v1/admin/orgs/import 200 -F "file=@$DATA/orgs-$GRASSROOTS.csv;type=text/csv"
  phase "orgs: POST /api/v1/admin/orgs/import" "$(sql "SELECT COUNT(*) FROM organization")" "$t"
  t=$(now)
  admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
  NOTICE_ID=$(sql "SELECT id FROM notice WHERE doc_number = '$DOC_NUMBER'")
  phase "notice: POST /api/v1/admin/notices (modules, questions, quizzes)" \
    "$(sql "SELECT CONCAT((SELECT COUNT(*) FROM study_module WHERE published), ' modules, ',
        (SELECT COUNT(*) FROM question WHERE status = 'APPROVED'), ' questions, ', (SELECT COUNT(*) FROM quiz), ' quizzes')")" "$t"
  t=$(now)
  admin POST /api/v1/admin/workers/import 200 -F "file=@$DATA/workers-$WORKERS-$GRASSROOTS.csv;type=text/csv"
  phase "workers: POST /api/v1/admin/workers/import" "$(sql "SELECT COUNT(*) FROM worker")" "$t"

  t=$(now)
  export_inputs
  rm -rf "$DATA/gen" && mkdir -p "$DATA/gen"
  local db_now pids=()
  db_now=$(sql "SELECT UNIX_TIMESTAMP()")
  for shard in 0 1; do
    python3 "$HERE/gen_activity.py" --input "$DATA/in" --out "$DATA/gen" --notice-id "$NOTICE_ID" --now "$db_now" \
      --shard "$shard" --shards 2 >"$DATA/gen/counts.$shard" &
    pids+=($!)
  done
  for shard in 0 1; do wait "${pids[$shard]}" || die "gen_activity.py shard $shard failed"; done
  phase "simulate the activity (gen_activity.py, 2 processes)" "$(cat "$DATA"/gen/counts.* | tr '\n' ' ')" "$t"

  # Two loading streams at once (one per core); each table in one statement, so that InnoDB's bulk load into an
  # empty table applies (indexes built by sorting instead of row by row).
  t=$(now)
  load_tables progress_event &
  pids=($!)
  load_tables module_progress attempt_answer quiz_attempt worker_active_day campaign_completion &
  pids+=($!)
  wait "${pids[0]}" && wait "${pids[1]}" || die "LOAD DATA failed"
  cat "$DATA"/gen/loaded.* >&2
  while read -r line; do PHASES+=("$line"); done < <(cat "$DATA"/gen/loaded.*)
  phase "LOAD DATA LOCAL INFILE, 2 streams in parallel (wall time)" \
    "$(sql "SELECT (SELECT COUNT(*) FROM module_progress) + (SELECT COUNT(*) FROM progress_event)
        + (SELECT COUNT(*) FROM worker_active_day) + (SELECT COUNT(*) FROM quiz_attempt)
        + (SELECT COUNT(*) FROM attempt_answer) + (SELECT COUNT(*) FROM campaign_completion)")" "$t"

  build_counters
  PHASES+=("| **total load** | | **$(elapsed "$total" "$(now)")** | $(loadavg) |")
  verify_load
}

build_counters() {  # the counters through the service's reconciliation: every row it writes counts as drift
  local t drift
  t=$(now)
  reconcile_job
  cp "$OUT/response.json" "$OUT/reconcile-build-$STAMP.json"
  drift=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalDrift"])' "$OUT/response.json")
  phase "counters: reconciliation job (rows built = drift)" "$drift" "$t"
}

# A second reconciliation must find nothing to repair; the province's figures must equal the sources counted
# directly; the generated records must obey the completion rules.
verify_load() {
  local t drift checks
  t=$(now)
  reconcile_job
  cp "$OUT/response.json" "$OUT/reconcile-verify-$STAMP.json"
  drift=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totalDrift"])' "$OUT/response.json")
  [[ "$drift" == 0 ]] || die "the second reconciliation found drift $drift: $(cat "$OUT/response.json")"
  phase "verify: second reconcile, drift 0" 0 "$t"

  t=$(now)
  admin GET /api/v1/stats/orgs/QH/summary 200
  local expected
  expected=$(sql "SELECT CONCAT_WS(' ', (SELECT COUNT(*) FROM worker), (SELECT COUNT(DISTINCT worker_id) FROM module_progress),
      (SELECT COUNT(*) FROM campaign_completion), (SELECT COALESCE(SUM(credited_seconds), 0) FROM module_progress),
      (SELECT COUNT(DISTINCT a.worker_id) FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id AND q.kind = 'FINAL'),
      (SELECT COUNT(DISTINCT a.worker_id) FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id AND q.kind = 'FINAL'
       WHERE a.passed))")
  checks=$(python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["figures"]
got = " ".join(str(f[k]) for k in ("workers", "started", "completed", "secondsSpentTotal", "finalAttempted", "finalPassed"))
print("OK" if got == sys.argv[2] else f"summary {got} != sources {sys.argv[2]}")' "$OUT/response.json" "$expected")
  [[ "$checks" == OK ]] || die "province figures differ from the source tables: $checks"
  local incoherent
  incoherent=$(sql "SELECT CONCAT_WS(' ',
      (SELECT COUNT(*) FROM module_progress WHERE completed_at IS NOT NULL AND percent < 100),
      (SELECT COUNT(*) FROM module_progress p JOIN study_module m ON m.id = p.module_id
         JOIN quiz q ON q.notice_id = m.notice_id AND q.module_code = m.code AND q.kind = 'MODULE'
       WHERE p.completed_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.worker_id = p.worker_id AND a.quiz_id = q.id AND a.passed)),
      (SELECT COUNT(*) FROM campaign_completion c
       WHERE (SELECT COUNT(*) FROM module_progress p WHERE p.worker_id = c.worker_id AND p.completed_at IS NOT NULL)
             <> (SELECT COUNT(*) FROM study_module WHERE notice_id = c.notice_id AND published)
          OR NOT EXISTS (SELECT 1 FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id AND q.kind = 'FINAL'
                         WHERE a.worker_id = c.worker_id AND a.passed)))")
  [[ "$incoherent" == "0 0 0" ]] || die "records break the completion rules (complete < 100 %, without quiz, campaign): $incoherent"
  phase "verify: province summary = sources counted directly; completion rules hold" "$expected" "$t"
}
