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
    module_progress) echo "(worker_id, module_id, percent, seconds_spent, credited_seconds, @first, @last, @done)
        SET first_activity_at = FROM_UNIXTIME(@first), last_activity_at = FROM_UNIXTIME(@last),
            completed_at = FROM_UNIXTIME(@done)" ;;
    progress_event) echo "(worker_id, event_id, module_id, module_version, percent, seconds_spent, credited_seconds,
        @occurred, @received, channel) SET occurred_at = FROM_UNIXTIME(@occurred), received_at = FROM_UNIXTIME(@received)" ;;
    worker_active_day) echo "(worker_id, campaign_id, activity_day)" ;;
    quiz_attempt) echo "(id, quiz_id, worker_id, status, open_key, attempt_day, @started, @deadline, @submitted, score,
        passed, draw, idempotency_key, request_hash, response_body) SET started_at = FROM_UNIXTIME(@started),
        deadline = FROM_UNIXTIME(@deadline), submitted_at = FROM_UNIXTIME(@submitted)" ;;
    attempt_answer) echo "(attempt_id, position, question_id, question_version, response, picked_keys, correct)" ;;
    campaign_completion) echo "(worker_id, campaign_id, @done) SET completed_at = FROM_UNIXTIME(@done)" ;;
    worker_credit) echo "(worker_id, @spans) SET spans = UNHEX(@spans)" ;;
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

export_inputs() {  # what the simulation needs from the service's tables, as tab-separated files: in/ and in/c<id>/
  local in=$DATA/in campaign dir
  mkdir -p "$in"
  sql "SELECT id, org_id FROM worker ORDER BY id" >"$in/workers.tsv"
  sql "SELECT id, path FROM organization" >"$in/orgs.tsv"
  for campaign in "${CAMPAIGNS[@]}"; do
    dir=$in/c$campaign
    mkdir -p "$dir"
    # Reading minutes as content/ModuleText computes them (study.content.reading-chars-per-minute=300).
    sql "SELECT m.id, m.code, m.current_version, GREATEST(1, CEILING(v.char_count / 300)) FROM study_module m
         JOIN campaign_material cm ON cm.notice_id = m.notice_id AND cm.campaign_id = $campaign
         JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
         WHERE m.published ORDER BY cm.position, m.position" >"$dir/modules.tsv"
    sql "SELECT q.id, q.kind, COALESCE(q.module_code, ''), q.question_count, q.pass_score, q.time_limit_seconds,
         COALESCE(q.max_attempts, 3) FROM quiz q
         WHERE q.active AND (q.kind = 'FINAL' AND q.campaign_id = $campaign
           OR q.kind = 'MODULE' AND q.notice_id IN (SELECT notice_id FROM campaign_material WHERE campaign_id = $campaign))
         ORDER BY q.id" >"$dir/quizzes.tsv"
    sql "SELECT q.id, q.type, COALESCE(q.module_code, ''), v.version, v.options, v.answer FROM question q
         JOIN question_version v ON v.question_id = q.id AND v.version = q.current_version
         WHERE q.notice_id IN (SELECT notice_id FROM campaign_material WHERE campaign_id = $campaign)
           AND q.status = 'APPROVED' ORDER BY q.id" >"$dir/questions.tsv"
  done
}

# create_second_campaign: imports the Central Committee's decision and publishes it as a campaign for the whole
# province, opened SECOND_CAMPAIGN_DAYS ago, through the campaign admin API (as a province admin would).
create_second_campaign() {
  local notice opens id etag
  admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$SECOND_NOTICE"
  notice=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["notice"]["id"])' "$OUT/response.json")
  opens=$(date -u -d "-$SECOND_CAMPAIGN_DAYS days" +%Y-%m-%dT%H:%M:%SZ)
  admin POST /api/v1/admin/campaigns 201 -H 'Content-Type: application/json' --data-binary @- <<JSON
{"title": "学习《中共中央关于认真学习宣传贯彻党的二十大精神的决定》", "description": "基准测试：全省第二个学习活动",
 "opensAt": "$opens", "audience": ["QH"], "materials": [$notice]}
JSON
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/response.json")
  etag=$(curl -fsS -D - -o /dev/null -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE/api/v1/admin/campaigns/$id" \
    | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
  admin POST "/api/v1/admin/campaigns/$id/publish" 200 -H "If-Match: $etag"
  CAMPAIGNS+=("$id")
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
  phase "schema: service start, Flyway V1–V$(sql "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")" 0 "$t"
  ADMIN_TOKEN=$(mint_token bench-admin '["province-admin"]' QH 7200 "bench-stats-load-$STAMP")

  t=$(now)
  admin POST /api/v1/admin/orgs/import 200 -F "file=@$DATA/orgs-$GRASSROOTS.csv;type=text/csv"
  phase "orgs: POST /api/v1/admin/orgs/import" "$(sql "SELECT COUNT(*) FROM organization")" "$t"
  t=$(now)
  admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
  CAMPAIGNS=("$(sql "SELECT c.id FROM campaign c JOIN campaign_material m ON m.campaign_id = c.id
      JOIN notice n ON n.id = m.notice_id WHERE n.doc_number = '$DOC_NUMBER' AND c.status = 'PUBLISHED'")")
  [[ -n "${CAMPAIGNS[0]}" ]] || die "importing $DOC_NUMBER founded no published campaign"
  create_second_campaign
  phase "2 notices and campaigns: POST /api/v1/admin/notices, /admin/campaigns (modules, questions, quizzes)" \
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
    python3 "$HERE/gen_activity.py" --input "$DATA/in" --out "$DATA/gen" --now "$db_now" --shard "$shard" --shards 2 \
      --campaign "${CAMPAIGNS[0]}:$DATA/in/c${CAMPAIGNS[0]}:60" \
      --campaign "${CAMPAIGNS[1]}:$DATA/in/c${CAMPAIGNS[1]}:$SECOND_CAMPAIGN_DAYS" >"$DATA/gen/counts.$shard" &
    pids+=($!)
  done
  for shard in 0 1; do wait "${pids[$shard]}" || die "gen_activity.py shard $shard failed"; done
  phase "simulate the activity (gen_activity.py, 2 processes)" "$(cat "$DATA"/gen/counts.* | tr '\n' ' ')" "$t"

  # Two loading streams at once (one per core); each table in one statement, so that InnoDB's bulk load into an
  # empty table applies (indexes built by sorting instead of row by row).
  t=$(now)
  load_tables progress_event &
  pids=($!)
  load_tables module_progress attempt_answer quiz_attempt worker_active_day campaign_completion worker_credit &
  pids+=($!)
  wait "${pids[0]}" && wait "${pids[1]}" || die "LOAD DATA failed"
  cat "$DATA"/gen/loaded.* >&2
  while read -r line; do PHASES+=("$line"); done < <(cat "$DATA"/gen/loaded.*)
  phase "LOAD DATA LOCAL INFILE, 2 streams in parallel (wall time)" \
    "$(sql "SELECT (SELECT COUNT(*) FROM module_progress) + (SELECT COUNT(*) FROM progress_event)
        + (SELECT COUNT(*) FROM worker_active_day) + (SELECT COUNT(*) FROM quiz_attempt)
        + (SELECT COUNT(*) FROM attempt_answer) + (SELECT COUNT(*) FROM campaign_completion)
        + (SELECT COUNT(*) FROM worker_credit)")" "$t"

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
  # The generator credits every event and sums every module as the service would: only counters may be built.
  local sources
  sources=$(python3 -c '
import json, sys
tables = {t["table"]: t["driftedRows"] for t in json.load(open(sys.argv[1]))["tables"]}
print(tables.get("progress_event", 0) + tables.get("module_progress", 0))' "$OUT/response.json")
  [[ "$sources" == 0 ]] || die "the build corrected $sources credited events or module sums: the generator broke the credit rule"
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
  local campaign expected incoherent all=""
  for campaign in "${CAMPAIGNS[@]}"; do
    admin GET "/api/v1/stats/orgs/QH/summary?campaign=$campaign" 200
    # The campaign's modules, FINAL and completions counted directly (every worker is in both audiences).
    local modules="SELECT m.id FROM study_module m JOIN campaign_material cm ON cm.notice_id = m.notice_id
        WHERE cm.campaign_id = $campaign AND m.published"
    local finals="SELECT a.worker_id, a.passed FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
        WHERE q.kind = 'FINAL' AND q.campaign_id = $campaign"
    expected=$(sql "SELECT CONCAT_WS(' ', (SELECT COUNT(*) FROM worker),
        (SELECT COUNT(DISTINCT worker_id) FROM module_progress WHERE module_id IN ($modules)),
        (SELECT COUNT(*) FROM campaign_completion WHERE campaign_id = $campaign),
        (SELECT COALESCE(SUM(credited_seconds), 0) FROM module_progress WHERE module_id IN ($modules)),
        (SELECT COUNT(DISTINCT f.worker_id) FROM ($finals) f),
        (SELECT COUNT(DISTINCT f.worker_id) FROM ($finals) f WHERE f.passed))")
    checks=$(python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["figures"]
got = " ".join(str(f[k]) for k in ("workers", "started", "completed", "secondsSpentTotal", "finalAttempted", "finalPassed"))
print("OK" if got == sys.argv[2] else f"summary {got} != sources {sys.argv[2]}")' "$OUT/response.json" "$expected")
    [[ "$checks" == OK ]] || die "campaign $campaign: province figures differ from the source tables: $checks"
    incoherent=$(sql "SELECT CONCAT_WS(' ',
        (SELECT COUNT(*) FROM module_progress WHERE completed_at IS NOT NULL AND percent < 100),
        (SELECT COUNT(*) FROM module_progress p JOIN study_module m ON m.id = p.module_id
           JOIN quiz q ON q.notice_id = m.notice_id AND q.module_code = m.code AND q.kind = 'MODULE'
         WHERE p.completed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.worker_id = p.worker_id AND a.quiz_id = q.id AND a.passed)),
        (SELECT COUNT(*) FROM campaign_completion c
         WHERE c.campaign_id = $campaign
           AND ((SELECT COUNT(*) FROM module_progress p WHERE p.worker_id = c.worker_id AND p.completed_at IS NOT NULL
                   AND p.module_id IN ($modules)) <> (SELECT COUNT(*) FROM ($modules) r)
            OR NOT EXISTS (SELECT 1 FROM ($finals) f WHERE f.worker_id = c.worker_id AND f.passed))))")
    [[ "$incoherent" == "0 0 0" ]] \
      || die "campaign $campaign: records break the completion rules (complete < 100 %, without quiz, campaign): $incoherent"
    all+="campaign $campaign: $expected; "
  done
  phase "verify: province summary per campaign = sources counted directly; completion rules hold" "$all" "$t"
}
