#!/usr/bin/env bash
# Worker-import benchmark: org tree of 10,053 unions, then 1,000,000 workers imported, re-imported and
# dry-run through the packaged service against a throwaway MariaDB. Run from the repository root:
#
#   bench/worker-import/run.sh
#
# Environment (all optional):
#   BENCH_WORKERS=1000000   worker rows to generate        BENCH_GRASSROOTS=10000  synthetic grassroots unions
#   BENCH_DRY_RUN=1         also time a dry run (0 = skip) BENCH_XMX=512m           service heap (-Xmx)
#   BENCH_DB_URL=jdbc:mysql://host:port/db  use an existing, EMPTY database instead of a throwaway server
#   BENCH_DB_USER=root BENCH_DB_PASSWORD=   its credentials
#   BENCH_TIMEOUT=3600      seconds any single upload may take
#
# Output: bench/out/ (git-ignored): data/, mariadb/, service.log, results-<timestamp>.md
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/worker-import" ]] || { echo "run me from the repository root" >&2; exit 2; }

WORKERS=${BENCH_WORKERS:-1000000}
GRASSROOTS=${BENCH_GRASSROOTS:-10000}
DRY_RUN=${BENCH_DRY_RUN:-1}
XMX=${BENCH_XMX:-512m}
UPLOAD_TIMEOUT=${BENCH_TIMEOUT:-3600}
ISSUER=https://bench.study.qhzgh.example/non-production
OUT=$ROOT/bench/out
DATA=$OUT/data
JAR=$ROOT/target/quarkus-app/quarkus-run.jar
STAMP=$(date +%Y%m%d-%H%M%S)
RESULTS=$OUT/results-$STAMP.md
SAMPLES=$OUT/rss-$STAMP.tsv

DB_PID= APP_PID= SAMPLER_PID=
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# Stops a process we started: TERM, wait up to $2 seconds, then KILL.
stop_pid() {
  local pid=$1 grace=$2 i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  log "pid $pid ignored TERM for ${grace}s, killing"
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_pid "$SAMPLER_PID" 2
  stop_pid "$APP_PID" 40
  stop_pid "$DB_PID" 60
  ((rc == 0)) || log "exit code $rc; see $OUT/service.log and $OUT/mariadb/error.log"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

for tool in java curl openssl python3 mariadb; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
mkdir -p "$OUT" "$DATA"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# --- 1. packaged jar ----------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
  log "building $JAR (./mvnw -B -q package -DskipTests)"
  ./mvnw -B -q package -DskipTests
elif [[ -n "$(find src pom.xml -newer "$JAR" -type f -print -quit)" ]]; then
  log "WARNING: sources are newer than $JAR; delete it (or run ./mvnw package) to benchmark the current code"
fi

# --- 5. input data (not timed) ------------------------------------------------------------------
ORGS_CSV=$DATA/orgs-$GRASSROOTS.csv
WORKERS_CSV=$DATA/workers-$WORKERS-$GRASSROOTS.csv
if [[ ! -s "$ORGS_CSV" || ! -s "$WORKERS_CSV" || "$ROOT/bench/worker-import/gen_data.py" -nt "$WORKERS_CSV" ]]; then
  log "generating $GRASSROOTS grassroots unions and $WORKERS workers"
  python3 "$ROOT/bench/worker-import/gen_data.py" --skeleton "$ROOT/src/main/resources/seed/qinghai-unions.csv" \
    --orgs-out "$ORGS_CSV.tmp" --workers-out "$WORKERS_CSV.tmp" --grassroots "$GRASSROOTS" --workers "$WORKERS" \
    | tee "$DATA/generated-$WORKERS-$GRASSROOTS.txt" >&2
  mv "$ORGS_CSV.tmp" "$ORGS_CSV" && mv "$WORKERS_CSV.tmp" "$WORKERS_CSV"
fi
ORG_ROWS=$(($(wc -l <"$ORGS_CSV") - 1))
WORKER_ROWS=$(($(wc -l <"$WORKERS_CSV") - 1))
WORKERS_MB=$(awk -v b="$(stat -c %s "$WORKERS_CSV")" 'BEGIN { printf "%.1f", b / 1048576 }')
log "input: $ORG_ROWS org rows, $WORKER_ROWS worker rows ($WORKERS_MB MiB)"

# --- 2. database --------------------------------------------------------------------------------
if [[ -n "${BENCH_DB_URL:-}" ]]; then
  [[ "$BENCH_DB_URL" =~ ^jdbc:(mysql|mariadb)://([^:/]+):([0-9]+)/([A-Za-z0-9_]+) ]] \
    || die "BENCH_DB_URL must look like jdbc:mysql://host:port/database"
  JDBC_URL=$BENCH_DB_URL DB_USER=${BENCH_DB_USER:-root} DB_PASSWORD=${BENCH_DB_PASSWORD:-}
  DB_NAME=${BASH_REMATCH[4]}
  MYSQL=(mariadb --no-defaults --protocol=TCP -h "${BASH_REMATCH[2]}" -P "${BASH_REMATCH[3]}" -u "$DB_USER")
  export MYSQL_PWD=$DB_PASSWORD   # read by the mariadb client; keeps the password off the command line
  DB_DESC="existing server ${BASH_REMATCH[2]}:${BASH_REMATCH[3]} ($("${MYSQL[@]}" -N -B -e 'SELECT VERSION()'))"
else
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || die "mariadb-server is not installed"
  DB_DIR=$OUT/mariadb DB_PORT=$(free_port) DB_NAME=study
  rm -rf "$DB_DIR" && mkdir -p "$DB_DIR"
  log "installing a throwaway MariaDB data directory in $DB_DIR"
  timeout 120 mariadb-install-db --no-defaults --datadir="$DB_DIR/data" --auth-root-authentication-method=normal \
    --skip-test-db --user=root >"$DB_DIR/install.log" 2>&1 || die "mariadb-install-db, see $DB_DIR/install.log"
  mariadbd --no-defaults --datadir="$DB_DIR/data" --port="$DB_PORT" --bind-address=127.0.0.1 \
    --socket="$DB_DIR/mysqld.sock" --pid-file="$DB_DIR/mysqld.pid" --user=root --version=5.7.19-mariadb \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-log-bin \
    --innodb-buffer-pool-size=1G --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
    --log-error="$DB_DIR/error.log" >"$DB_DIR/stdout.log" 2>&1 &
  DB_PID=$!
  MYSQL=(mariadb --no-defaults --socket="$DB_DIR/mysqld.sock" -u root)
  for ((i = 0; ; i++)); do
    "${MYSQL[@]}" -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$DB_PID" 2>/dev/null || die "mariadbd exited, see $DB_DIR/error.log"
    ((i < 300)) || die "MariaDB did not accept connections within 60 s"
    sleep 0.2
  done
  "${MYSQL[@]}" -e "CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  JDBC_URL=jdbc:mysql://127.0.0.1:$DB_PORT/$DB_NAME DB_USER=root DB_PASSWORD=
  DB_DESC="throwaway MariaDB $(mariadbd --version | awk '{print $3}'), buffer pool 1G, flush-log-at-trx-commit=2"
  log "MariaDB pid $DB_PID listening on 127.0.0.1:$DB_PORT"
fi
sql() { "${MYSQL[@]}" -N -B "$DB_NAME" -e "$1"; }

# --- 3. service, configured only through the environment -------------------------------------
APP_PORT=$(free_port)
log "starting the service on 127.0.0.1:$APP_PORT (-Xmx$XMX)"
env QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" \
    QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
    QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/src/main/dev-keys/non-production-public.pem" \
    MP_JWT_VERIFY_ISSUER="$ISSUER" \
    MP_JWT_VERIFY_AUDIENCES=study-service \
    QUARKUS_HTTP_PORT="$APP_PORT" \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false \
    java "-Xmx$XMX" -jar "$JAR" >"$OUT/service.log" 2>&1 &
APP_PID=$!
BASE=http://127.0.0.1:$APP_PORT
for ((i = 0; ; i++)); do
  curl -fsS --max-time 2 "$BASE/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"' && break
  kill -0 "$APP_PID" 2>/dev/null || die "the service exited, see $OUT/service.log"
  ((i < 120)) || die "the service was not ready within 120 s, see $OUT/service.log"
  sleep 1
done
log "service pid $APP_PID is ready"
if grep -qi 'build time\|build-time' "$OUT/service.log"; then
  log "WARNING: Quarkus reports a build-time property override:"; grep -i 'build time\|build-time' "$OUT/service.log" >&2
fi
HEAP=$(jcmd "$APP_PID" VM.flags 2>/dev/null | tr ' ' '\n' \
  | awk -F= '/^-XX:(MaxHeapSize|InitialHeapSize)=/ { printf "%s%s=%dMiB", sep, substr($1, 5), $2 / 1048576; sep=", " }' \
  || true)
GC=$(jcmd "$APP_PID" VM.flags 2>/dev/null | grep -o -- '-XX:+Use[A-Za-z0-9]*GC' | head -1 || true)

# Resident set sizes of the service (and our MariaDB) once per second; bounded by the service's life.
(
  while kill -0 "$APP_PID" 2>/dev/null; do
    printf '%s\t%s\t%s\n' "$(date +%s)" "$(ps -o rss= -p "$APP_PID" | tr -d ' ')" \
      "$( [[ -n "$DB_PID" ]] && ps -o rss= -p "$DB_PID" | tr -d ' ')"
    sleep 1
  done
) >"$SAMPLES" 2>/dev/null &
SAMPLER_PID=$!

# --- 4. a province-admin token signed with the NON-PRODUCTION key --------------------------------
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
IAT=$(date +%s)
HEADER_B64=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD_B64=$(printf '{"iss":"%s","aud":"study-service","sub":"bench-admin","upn":"bench-admin","groups":["province-admin"],"org":"QH","iat":%d,"exp":%d,"jti":"bench-%s"}' \
  "$ISSUER" "$IAT" "$((IAT + 7200))" "$STAMP" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER_B64" "$PAYLOAD_B64" \
  | openssl dgst -sha256 -sign "$ROOT/src/main/dev-keys/non-production-private.pem" -binary | b64url)
TOKEN=$HEADER_B64.$PAYLOAD_B64.$SIGNATURE

# --- 6. timed uploads -----------------------------------------------------------------------------
declare -a SUMMARY=()
# upload <label> <path> <file> <expected-json-fragment>: POSTs, checks status 200 and the counts, records a row.
upload() {
  local label=$1 path=$2 file=$3 expect=$4 start end status rows secs peak
  log "$label ..."
  start=$(now)
  status=$(curl -sS --max-time "$UPLOAD_TIMEOUT" -o "$OUT/response.json" -w '%{http_code}' \
    -H "Authorization: Bearer $TOKEN" -F "file=@$file;type=text/csv" "$BASE$path") || status=curl-error
  end=$(now)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  log "$label: HTTP $status in ${secs}s: $(head -c 600 "$OUT/response.json" 2>/dev/null)"
  [[ "$status" == 200 ]] || die "$label returned $status"
  tr -d ' \n' <"$OUT/response.json" | grep -q -- "$expect" || die "$label: expected $expect in the response"
  rows=$(grep -o '"rows":[0-9]*' "$OUT/response.json" | cut -d: -f2)
  peak=$(awk -v a="${start%.*}" -v b="${end%.*}" '$1 >= a && $1 <= b + 1 && $2 > m { m = $2 } END { if (m) printf "%d", m / 1024; else printf "n/a" }' "$SAMPLES")
  SUMMARY+=("| $label | $rows | $secs | $(awk -v r="$rows" -v s="$secs" 'BEGIN { printf "%d", (s > 0 ? r / s : 0) }') | $peak |")
}

upload "org import (skeleton + $GRASSROOTS grassroots)" /api/v1/admin/orgs/import "$ORGS_CSV" "\"created\":$ORG_ROWS"
upload "worker import, first (all created)" /api/v1/admin/workers/import "$WORKERS_CSV" "\"created\":$WORKER_ROWS,"
upload "worker re-import (all unchanged)" /api/v1/admin/workers/import "$WORKERS_CSV" "\"unchanged\":$WORKER_ROWS"
if [[ "$DRY_RUN" == 1 ]]; then
  upload "worker dry run (all unchanged)" "/api/v1/admin/workers/import?dryRun=true" "$WORKERS_CSV" "\"dryRun\":true"
fi

# --- 7. correctness -------------------------------------------------------------------------------
WORKER_COUNT=$(sql 'SELECT COUNT(*) FROM worker')
STAGED=$(sql 'SELECT COUNT(*) FROM worker_import_row')
ORG_COUNT=$(sql 'SELECT COUNT(*) FROM organization')
log "worker rows: $WORKER_COUNT, staging rows left: $STAGED, organizations: $ORG_COUNT"
[[ "$WORKER_COUNT" == "$WORKER_ROWS" ]] || die "worker has $WORKER_COUNT rows, expected $WORKER_ROWS"
[[ "$STAGED" == 0 ]] || die "worker_import_row still holds $STAGED rows"
[[ "$ORG_COUNT" == "$ORG_ROWS" ]] || die "organization has $ORG_COUNT rows, expected $ORG_ROWS"

APP_PEAK=$(awk '$2 > m { m = $2 } END { printf "%d", m / 1024 }' "$SAMPLES")
DB_PEAK=$(awk '$3 > m { m = $3 } END { printf "%d", m / 1024 }' "$SAMPLES")
{
  echo "### Worker import benchmark, $(date '+%Y-%m-%d %H:%M %Z')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, load average $LOAD_START at start, $(cut -d' ' -f1-3 /proc/loadavg) at end."
  echo "Service: packaged jar, $(java -version 2>&1 | head -1), -Xmx$XMX (${HEAP:-heap flags unavailable}${GC:+, $GC})."
  echo "Database: $DB_DESC. Input: $ORG_ROWS orgs, $WORKER_ROWS workers, $WORKERS_MB MiB CSV."
  echo
  echo "| step | rows | wall s | rows/s | service peak RSS MiB |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${SUMMARY[@]}"
  echo
  echo "Peak RSS over the whole run: service $APP_PEAK MiB${DB_PID:+, MariaDB $DB_PEAK MiB}."
  echo "Checks: worker = $WORKER_COUNT rows, worker_import_row = $STAGED rows, organization = $ORG_COUNT rows."
} | tee "$RESULTS"
log "results written to $RESULTS"
