# Measuring half of bench/stats-scale/run.sh (sourced): dashboard latencies with StatsDriver.java, each beside the
# statements it needs run directly over JDBC (QueryCeiling.java, the ceiling of issue #16), then the province's
# workers export with its row count, time, service RSS and heap.
# shellcheck shell=bash

DRIVER_CLASSES=$OUT/driver-classes

measure_dashboards() {
  compile_driver "$HERE/StatsDriver.java" "$DRIVER_CLASSES"
  compile_driver "$HERE/QueryCeiling.java" "$OUT/ceiling-classes"
  local grassroots today from c line name n errors p50 p95 p99 max bytes target load
  # The largest grassroots union and four others picked by a fixed hash, asked in turn.
  grassroots=$(sql "(SELECT o.code FROM organization o JOIN org_worker_count c ON c.org_id = o.id
                     WHERE o.type = 'GRASSROOTS' ORDER BY c.workers DESC LIMIT 1)
                    UNION ALL (SELECT code FROM organization WHERE type = 'GRASSROOTS' ORDER BY CRC32(code) LIMIT 4)" \
    | sed 's|^|/api/v1/stats/orgs/|; s|$|/summary|' | paste -sd'|')
  today=$(TZ=Asia/Shanghai date +%F)
  from=$(TZ=Asia/Shanghai date -d "$today - 60 days" +%F)
  local api=/api/v1/stats/orgs/QH
  declare -A TARGET=([province-summary]="p95 ≤ 50 ms" [province-children]="p95 ≤ 100 ms" [grassroots-summary]="p95 ≤ 20 ms")
  local campaign q
  for campaign in "${CAMPAIGNS[@]}"; do
    q="campaign=$campaign"
    wait_quiet "$WAIT_QUIET"
    query_spec "$campaign" "$from" "$today" >"$OUT/ceiling-spec-$campaign.tsv"
    for c in $CONCURRENCY; do
      run_driver "$c" "$WARMUP" "$REQUESTS" "province-summary@$campaign=$api/summary?$q" \
        "province-children@$campaign=$api/children?$q" "grassroots-summary@$campaign=${grassroots//summary/summary?$q}"
      run_ceiling "$c" "$WARMUP" "$REQUESTS" "$campaign" province-summary province-children grassroots-summary
    done
    # The other dashboards once at the province's scale (a few requests each), to show that nothing scans.
    run_driver 1 2 20 "province-modules@$campaign=$api/modules?$q" \
      "province-trend-60d@$campaign=$api/trend?from=$from&to=$today&$q" "province-channels@$campaign=$api/channels?$q" \
      "province-questions@$campaign=$api/questions?$q" "province-laggards-page1@$campaign=$api/laggards?page=0&size=20&$q" \
      "province-laggards-page500@$campaign=$api/laggards?page=499&size=20&$q"
    run_ceiling 1 2 20 "$campaign" province-modules province-trend-60d province-channels province-questions \
      province-laggards-page1 province-laggards-page500
  done
}

# query_spec <campaign> <from> <to>: QueryCeiling's spec of the statements each dashboard needs, for the province
# (and the grassroots unions StatsDriver asks in turn): sums of counter rows over one indexed path range, grouped as
# the dashboard shows them; laggards: the per-union counts that locate the page, then the page's workers.
query_spec() {
  local campaign=$1 from=$2 to=$3 path modules notices union skip page code
  read -r path < <(sql "SELECT path FROM organization WHERE code = 'QH'")
  modules=$(sql "SELECT m.id FROM study_module m JOIN campaign_material cm ON cm.notice_id = m.notice_id
                 WHERE cm.campaign_id = $campaign AND m.published = TRUE" | paste -sd,)
  notices=$(sql "SELECT notice_id FROM campaign_material WHERE campaign_id = $campaign" | paste -sd,)
  local sums="COALESCE(SUM(c.started), 0), COALESCE(SUM(c.completed), 0), COALESCE(SUM(c.seconds_spent), 0),
    COALESCE(SUM(c.final_attempted), 0), COALESCE(SUM(c.final_best_sum), 0), COALESCE(SUM(c.final_passed), 0)"
  local summary="SELECT (SELECT COALESCE(SUM(w.workers), 0) FROM org_worker_count w JOIN organization o ON o.id = w.org_id
    WHERE o.path LIKE ?), $sums FROM org_campaign_count c JOIN organization o ON o.id = c.org_id
    WHERE o.path LIKE ? AND c.campaign_id = ?"
  local counts="SELECT o.id, COALESCE(w.workers, 0) - COALESCE(c.completed, 0) FROM organization o
    LEFT JOIN org_worker_count w ON w.org_id = o.id LEFT JOIN org_campaign_count c ON c.org_id = o.id AND c.campaign_id = ?
    WHERE o.path LIKE ? ORDER BY o.path"
  spec_line() { printf '%s\t%s\n' "$1" "$(tr -s ' \n' ' ' <<<"$2")"; }
  # the province is the tree's root: its summary, modules, trend and channels sum every row, as StatsQueries does
  spec_line "province-summary@$campaign" "SELECT (SELECT COALESCE(SUM(workers), 0) FROM org_worker_count), $sums
    FROM org_campaign_count c WHERE c.campaign_id = ?"
  printf '\t%s\n' "$campaign"
  # one indexed range sum per child, in one UNION ALL per counter table, as StatsQueries.children runs them
  local child children=() workers_sql="" sums_sql=""
  mapfile -t children < <(sql "SELECT path FROM organization
                                WHERE parent_id = (SELECT id FROM organization WHERE path = '$path') ORDER BY code")
  for child in "${!children[@]}"; do
    workers_sql+="${workers_sql:+ UNION ALL }SELECT $child, COALESCE(SUM(w.workers), 0) FROM org_worker_count w
      JOIN organization o ON o.id = w.org_id WHERE o.path LIKE ?"
    sums_sql+="${sums_sql:+ UNION ALL }SELECT $child, $sums FROM org_campaign_count c JOIN organization o ON o.id = c.org_id
      WHERE o.path LIKE ? AND c.campaign_id = $campaign"
  done
  spec_line "province-children@$campaign" "$workers_sql ;; $sums_sql"
  printf '\t%s' "${children[@]/%/%}" "${children[@]/%/%}"
  printf '\n'
  spec_line "grassroots-summary@$campaign" "$summary"
  for code in $(sed 's|/api/v1/stats/orgs/||; s|/summary||g; s/|/ /g' <<<"$grassroots"); do
    printf '\t%s\t%s\t%s\n' "$(sql "SELECT path FROM organization WHERE code = '$code'")%" \
      "$(sql "SELECT path FROM organization WHERE code = '$code'")%" "$campaign"
  done
  spec_line "province-modules@$campaign" "SELECT c.module_id, SUM(c.started), SUM(c.completed), SUM(c.quiz_attempted),
    SUM(c.quiz_best_sum) FROM org_module_count c WHERE c.module_id IN (${modules:--1}) GROUP BY c.module_id"
  printf '\n'
  spec_line "province-trend-60d@$campaign" "SELECT d.activity_day, SUM(d.completions), SUM(d.active_workers)
    FROM org_day_count d WHERE d.campaign_id = ? AND d.activity_day BETWEEN ? AND ? GROUP BY d.activity_day"
  printf '\t%s\t%s\t%s\n' "$campaign" "$from" "$to"
  spec_line "province-channels@$campaign" "SELECT c.channel, SUM(c.events), SUM(c.seconds_spent)
    FROM org_channel_count c WHERE c.campaign_id = ? GROUP BY c.channel"
  printf '\t%s\n' "$campaign"
  spec_line "province-questions@$campaign" "SELECT t.question_id, t.asked, t.correct, p.option_key, SUM(p.picks)
    FROM (SELECT c.question_id, SUM(c.asked) AS asked, SUM(c.correct) AS correct FROM org_question_count c
          JOIN organization o ON o.id = c.org_id JOIN question q ON q.id = c.question_id
          WHERE o.path LIKE ? AND (q.notice_id IS NULL OR q.notice_id IN (${notices:--1}))
          GROUP BY c.question_id ORDER BY SUM(c.asked) DESC, c.question_id LIMIT 20) t
    JOIN org_option_count p ON p.question_id = t.question_id JOIN organization o ON o.id = p.org_id
    WHERE o.path LIKE ? GROUP BY t.question_id, t.asked, t.correct, p.option_key"
  printf '\t%s\t%s\n' "$path%" "$path%"
  for page in 0 499; do
    # the unions page <page> of 20 falls in and the rows to skip in the first, as WorkerReport.laggards finds them
    read -r union skip < <(sql "$(tr '\n' ' ' <<<"$counts" | sed "s|?|$campaign|; s|?|'$path%'|")" | awk -v from=$((page * 20)) '
      $2 > 0 { if (covered + $2 > from && covered < from + 20) { ids = ids (ids ? "," : "") $1; if (!n++) skip = from - covered }
               covered += $2 }
      END { print (ids ? ids : "-1"), skip + 0 }')
    spec_line "province-laggards-page$((page + 1))@$campaign" "$counts ;; SELECT w.external_id, w.name, o.code, o.name,
      wc.started_at, wc.last_activity_at, COALESCE(wc.seconds_spent, 0) FROM organization o JOIN worker w ON w.org_id = o.id
      LEFT JOIN worker_campaign wc ON wc.worker_id = w.id AND wc.campaign_id = ? WHERE o.path LIKE ?
      AND w.org_id IN ($union) AND wc.completed_at IS NULL ORDER BY o.path, w.id LIMIT 20 OFFSET $skip"
    printf '\t%s\t%s\t%s\t%s\n' "$campaign" "$path%" "$campaign" "$path%"
  done
}

# run_ceiling <clients> <warm-up> <requests> <campaign> <name...>: QueryCeiling on those queries of the spec; each
# ENDPOINTS row of the same name and clients gets its ceiling in CEILED.
run_ceiling() {
  local c=$1 warm=$2 n=$3 campaign=$4 spec=$OUT/ceiling-spec-$4.tsv sub=$OUT/ceiling-spec-run.tsv name p50 p95 p99 max rows
  shift 4
  : >"$sub"
  for name in "$@"; do
    awk -F'\t' -v want="$name@$campaign" '$1 != "" { keep = ($1 == want) } keep' "$spec" >>"$sub"
  done
  while read -r _ name n _ p50 p95 p99 max rows; do
    log "ceiling $name c=$c: p50 $p50 / p95 $p95 / p99 $p99 ms ($rows rows)"
    CEILED+=("| ${name/@/, campaign } | $c | **$([[ -n "${P95[$name@$c]:-}" ]] && echo "$(ratio "${P95[$name@$c]}" "$p95" 1)×" || echo n/a)** | ${P95[$name@$c]:-–} | $p95 | $p50 / $p99 | $rows |")
  done < <(java -cp "$OUT/ceiling-classes:$(connector_jar)" QueryCeiling --jdbc "$(ceiling_jdbc_url)" --user "$DB_USER" \
    --password "$DB_PASSWORD" --spec "$sub" --warmup "$warm" --requests "$n" --concurrency "$c" | grep '^RESULT ' \
    || die "QueryCeiling failed")
}

run_driver() {  # run_driver <clients> <warm-up> <requests> name=path...
  local c=$1 warm=$2 n=$3 load0 result
  shift 3
  load0=$(loadavg)
  log "driver: $c client(s), $n requests per endpoint (load $load0)"
  result=$(java -cp "$DRIVER_CLASSES" StatsDriver --base "$BASE" --token-file "$OUT/admin.token" --warmup "$warm" \
    --requests "$n" --concurrency "$c" "$@") || die "StatsDriver failed"
  while read -r _ name n errors p50 p95 p99 max bytes; do
    log "$name c=$c: p50 $p50 / p95 $p95 / p99 $p99 / max $max ms, $errors errors"
    ((errors == 0)) || die "$name: $errors errors"
    P95[$name@$c]=$p95
    ENDPOINTS+=("| ${name/@/, campaign } | $c | $n | $errors | $p50 | $p95 | $p99 | $max | $bytes | ${TARGET[${name%@*}]:-–} | $load0 → $(loadavg) |")
  done < <(grep '^RESULT ' <<<"$result")
}

# Largest heap used before a collection and largest heap committed, in MiB, from GC log lines after line $1.
heap_peak() {
  tail -n "+$(($1 + 1))" "$GC_LOG" | python3 -c '
import re, sys
used = committed = 0
for line in sys.stdin:
    m = re.search(r"(\d+)M->(\d+)M\((\d+)M\)", line)
    if m:
        used, committed = max(used, int(m.group(1))), max(committed, int(m.group(3)))
print(f"{used} / {committed}" if committed else "no collection")'
}

measure_exports() {
  local format file start end seconds rows expected gc_lines status rss heap size campaign
  expected=$(sql "SELECT COUNT(*) FROM worker")
  for campaign in "${CAMPAIGNS[@]}"; do
  for format in $EXPORT_FORMATS; do
    wait_quiet "$WAIT_QUIET"
    file=$OUT/export-QH.$format
    gc_lines=$(wc -l <"$GC_LOG")
    log "export $format: GET /api/v1/stats/orgs/QH/export?format=$format&sheet=workers&campaign=$campaign (load $(loadavg))"
    start=$(now)
    status=$(curl -sS --max-time 900 -o "$file" -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" \
      "$BASE/api/v1/stats/orgs/QH/export?format=$format&sheet=workers&campaign=$campaign") || status=curl-error
    end=$(now)
    [[ "$status" == 200 ]] || die "export $format returned $status: $(head -c 500 "$file")"
    seconds=$(elapsed "$start" "$end")
    rows=$(python3 "$HERE/count_rows.py" "$file")
    [[ "$rows" == "$expected" ]] || die "export $format holds $rows worker rows, expected $expected"
    rss=$(rss_peak "$start" "$end")
    heap=$(heap_peak "$gc_lines")
    size=$(du -m "$file" | cut -f1)
    log "export $format: $rows rows in $seconds s, $size MiB, peak RSS $rss MiB, heap used / committed $heap MiB"
    EXPORTS+=("| workers, $format, campaign $campaign | $rows | $seconds | $size | $rss | $heap | ≤ 60 s, heap ≤ 512 MB | $(loadavg) |")
    rm -f "$file"
  done
  done
  ! grep -q OutOfMemoryError "$SERVICE_LOG" || die "the service ran out of memory, see $SERVICE_LOG"
}

# measure_console: bench/console-render in Debian's headless chromium against this service, the province admin's
# dashboard of each campaign (issue #14: rendered in ≤ 1 s on this data), its p50 / p95 / max kept for the results.
measure_console() {
  local campaign out line
  for campaign in "${CAMPAIGNS[@]}"; do
    wait_quiet "$WAIT_QUIET"
    out=$OUT/console-$STAMP-$campaign.txt
    log "console-render: the province dashboard of campaign $campaign (load $(loadavg))"
    TOKEN=$ADMIN_TOKEN BENCH_CAMPAIGN=$campaign "$ROOT/bench/console-render/run.sh" "$BASE" >"$out" 2>"$out.err" \
      || die "console-render failed for campaign $campaign, see $out and $out.err"
    while read -r line; do
      CONSOLE+=("| campaign $campaign | $(sed -E 's/ +ms: +p50 +([0-9]+) +p95 +([0-9]+) +max +([0-9]+).*/ | \1 | \2 | \3/' <<<"$line") | $(loadavg) |")
    done < <(grep ' ms: p50 ' "$out")
  done
}
