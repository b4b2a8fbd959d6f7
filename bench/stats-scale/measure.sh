# Measuring half of bench/stats-scale/run.sh (sourced): dashboard latencies with StatsDriver.java, then the
# province's workers export with its row count, time, service RSS and heap.
# shellcheck shell=bash

DRIVER_CLASSES=$OUT/driver-classes

measure_dashboards() {
  compile_driver "$HERE/StatsDriver.java" "$DRIVER_CLASSES"
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
  wait_quiet "$WAIT_QUIET"
  for c in $CONCURRENCY; do
    run_driver "$c" "$WARMUP" "$REQUESTS" "province-summary=$api/summary" "province-children=$api/children" \
      "grassroots-summary=$grassroots"
  done
  # The other dashboards once at the province's scale (a few requests each), to show that nothing scans.
  run_driver 1 2 20 "province-modules=$api/modules" "province-trend-60d=$api/trend?from=$from&to=$today" \
    "province-channels=$api/channels" "province-questions=$api/questions" \
    "province-laggards-page1=$api/laggards?page=0&size=20" "province-laggards-page500=$api/laggards?page=499&size=20"
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
    ENDPOINTS+=("| $name | $c | $n | $errors | $p50 | $p95 | $p99 | $max | $bytes | ${TARGET[$name]:-–} | $load0 → $(loadavg) |")
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
  local format file start end seconds rows expected gc_lines status rss heap size
  expected=$(sql "SELECT COUNT(*) FROM worker")
  for format in $EXPORT_FORMATS; do
    wait_quiet "$WAIT_QUIET"
    file=$OUT/export-QH.$format
    gc_lines=$(wc -l <"$GC_LOG")
    log "export $format: GET /api/v1/stats/orgs/QH/export?format=$format&sheet=workers (load $(loadavg))"
    start=$(now)
    status=$(curl -sS --max-time 900 -o "$file" -w '%{http_code}' -H "Authorization: Bearer $ADMIN_TOKEN" \
      "$BASE/api/v1/stats/orgs/QH/export?format=$format&sheet=workers") || status=curl-error
    end=$(now)
    [[ "$status" == 200 ]] || die "export $format returned $status: $(head -c 500 "$file")"
    seconds=$(elapsed "$start" "$end")
    rows=$(python3 "$HERE/count_rows.py" "$file")
    [[ "$rows" == "$expected" ]] || die "export $format holds $rows worker rows, expected $expected"
    rss=$(rss_peak "$start" "$end")
    heap=$(heap_peak "$gc_lines")
    size=$(du -m "$file" | cut -f1)
    log "export $format: $rows rows in $seconds s, $size MiB, peak RSS $rss MiB, heap used / committed $heap MiB"
    EXPORTS+=("| workers, $format | $rows | $seconds | $size | $rss | $heap | ≤ 60 s, heap ≤ 512 MB | $(loadavg) |")
    rm -f "$file"
  done
  ! grep -q OutOfMemoryError "$SERVICE_LOG" || die "the service ran out of memory, see $SERVICE_LOG"
}
