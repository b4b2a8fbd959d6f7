# Shared parts of the benchmarks in bench/: logging, cleanup, free ports, the packaged jar, a throwaway
# MariaDB, the service started from environment variables only, RSS sampling and tokens signed with the
# NON-PRODUCTION key. Source it from a benchmark script run from the repository root:
#
#   OUT=$ROOT/bench/out/<name>          # where the database, the service log and the samples go
#   source "$ROOT/bench/lib/common.sh"
#   bench_install_traps                  # stops the sampler, the service and MariaDB on every exit
#
# Variables the functions set (and read): DB_PID APP_PID SAMPLER_PID, JDBC_URL DB_USER DB_PASSWORD DB_NAME
# MYSQL DB_DESC, APP_PORT BASE HEAP GC. A script may define bench_on_exit, called first on exit.
# Every loop below is bounded in iterations and time.

# shellcheck shell=bash
: "${ROOT:?set ROOT to the repository root before sourcing common.sh}"
: "${OUT:?set OUT before sourcing common.sh}"

JAR=${JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
ISSUER=${ISSUER:-https://bench.study.qhzgh.example/non-production}
SERVICE_LOG=${SERVICE_LOG:-$OUT/service.log}
DB_PID= APP_PID= SAMPLER_PID=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
# seconds between two `now` stamps, one decimal
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# the 1-, 5- and 15-minute load averages
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# bench_args <flags the script takes>... -- "$@": -h or --help prints the script's header comment and exits; any
# other argument not listed exits 2 before anything starts, so a mistyped flag never begins a 30-minute run.
bench_args() {
  local allowed=() arg
  while (($#)) && [[ "$1" != -- ]]; do allowed+=("$1"); shift; done
  (($#)) && shift
  for arg in "$@"; do
    case "$arg" in
      -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    esac
    [[ " ${allowed[*]} " == *" $arg "* ]] || { echo "unknown argument $arg (see $0 --help)" >&2; exit 2; }
  done
}

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
  done
}

# Stops a process we started: TERM, wait up to $2 seconds, then KILL.
stop_pid() {
  local pid=$1 grace=$2 i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 5; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  log "pid $pid ignored TERM for ${grace}s, killing"
  kill -9 "$pid" 2>/dev/null || true
}

bench_cleanup() {
  local rc=$?
  if [[ "$(type -t bench_on_exit)" == function ]]; then bench_on_exit || true; fi
  stop_pid "$SAMPLER_PID" 2
  stop_pid "$APP_PID" 40
  stop_pid "$DB_PID" 60
  ((rc == 0)) || log "exit code $rc; see $SERVICE_LOG and $OUT/mariadb/error.log"
  exit "$rc"
}

bench_install_traps() {
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

# --- the packaged jar -------------------------------------------------------------------------------
# Builds it if missing; warns (and does not rebuild) if sources are newer.
jar_ensure() {
  if [[ ! -f "$JAR" ]]; then
    log "building $JAR (./mvnw -B -q package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  elif [[ -n "$(cd "$ROOT" && find src pom.xml -newer "$JAR" -type f -print -quit)" ]]; then
    log "WARNING: sources are newer than $JAR; delete it (or run ./mvnw package) to benchmark the current code"
  fi
}

# --- database -----------------------------------------------------------------------------------------
# BENCH_DB_URL (jdbc:mysql://host:port/db, must exist and be empty) uses an existing server; otherwise a
# throwaway MariaDB is installed into $OUT/mariadb and started on a free port bound to 127.0.0.1.
# DB_REUSE=1 starts the throwaway MariaDB on the data directory a previous run left there instead of a new one;
# DB_BUFFER_POOL sets its InnoDB buffer pool (default 1G); DB_EXTRA_ARGS adds mariadbd options.
db_start() {
  local i
  if [[ -n "${BENCH_DB_URL:-}" ]]; then
    [[ "$BENCH_DB_URL" =~ ^jdbc:(mysql|mariadb)://([^:/]+):([0-9]+)/([A-Za-z0-9_]+) ]] \
      || die "BENCH_DB_URL must look like jdbc:mysql://host:port/database"
    JDBC_URL=$BENCH_DB_URL DB_USER=${BENCH_DB_USER:-root} DB_PASSWORD=${BENCH_DB_PASSWORD:-}
    DB_NAME=${BASH_REMATCH[4]}
    MYSQL=(mariadb --no-defaults --protocol=TCP -h "${BASH_REMATCH[2]}" -P "${BASH_REMATCH[3]}" -u "$DB_USER")
    export MYSQL_PWD=$DB_PASSWORD   # read by the mariadb client; keeps the password off the command line
    DB_DESC="existing server ${BASH_REMATCH[2]}:${BASH_REMATCH[3]} ($("${MYSQL[@]}" -N -B -e 'SELECT VERSION()'))"
    return 0
  fi
  command -v mariadbd >/dev/null && command -v mariadb-install-db >/dev/null || die "mariadb-server is not installed"
  DB_DIR=$OUT/mariadb DB_PORT=${DB_PORT_FIXED:-$(free_port)} DB_NAME=study
  # Another run's server still on this directory would answer on its socket, then vanish mid-run.
  local running
  running=$(cat "$DB_DIR/mysqld.pid" 2>/dev/null || true)
  if [[ -n "$running" && "$(cat "/proc/$running/comm" 2>/dev/null)" == mariadbd ]]; then
    die "MariaDB pid $running still runs on $DB_DIR (another run, or one still stopping)"
  fi
  local reuse=0
  if [[ "${DB_REUSE:-0}" == 1 && -d "$DB_DIR/data/$DB_NAME" ]]; then
    reuse=1
    log "reusing the MariaDB data directory in $DB_DIR"
  else
    rm -rf "$DB_DIR" && mkdir -p "$DB_DIR"
    log "installing a throwaway MariaDB data directory in $DB_DIR"
    timeout 120 mariadb-install-db --no-defaults --datadir="$DB_DIR/data" --auth-root-authentication-method=normal \
      --skip-test-db --user=root >"$DB_DIR/install.log" 2>&1 || die "mariadb-install-db, see $DB_DIR/install.log"
  fi
  mariadbd --no-defaults --datadir="$DB_DIR/data" --port="$DB_PORT" --bind-address=127.0.0.1 \
    --socket="$DB_DIR/mysqld.sock" --pid-file="$DB_DIR/mysqld.pid" --user=root --version=5.7.19-mariadb \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-log-bin \
    --innodb-buffer-pool-size="${DB_BUFFER_POOL:-1G}" --innodb-flush-log-at-trx-commit=2 --max-connections=300 \
    --log-error="$DB_DIR/error.log" ${DB_EXTRA_ARGS:-} >"$DB_DIR/stdout.log" 2>&1 &
  DB_PID=$!
  MYSQL=(mariadb --no-defaults --socket="$DB_DIR/mysqld.sock" -u root)
  for ((i = 0; ; i++)); do
    "${MYSQL[@]}" -e 'SELECT 1' >/dev/null 2>&1 && break
    kill -0 "$DB_PID" 2>/dev/null || die "mariadbd exited, see $DB_DIR/error.log"
    ((i < 300)) || die "MariaDB did not accept connections within 60 s"
    sleep 0.2
  done
  ((reuse)) || "${MYSQL[@]}" -e "CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  JDBC_URL=jdbc:mysql://127.0.0.1:$DB_PORT/$DB_NAME DB_USER=root DB_PASSWORD=
  DB_DESC="throwaway MariaDB $(mariadbd --version | awk '{print $3}'), buffer pool ${DB_BUFFER_POOL:-1G}, flush-log-at-trx-commit=2"
  log "MariaDB pid $DB_PID listening on 127.0.0.1:$DB_PORT"
}

# Drops and recreates the throwaway database (the service must be stopped); refuses an existing server.
db_recreate() {
  [[ -n "$DB_PID" ]] || die "db_recreate only works on the throwaway MariaDB (BENCH_DB_URL is not supported here)"
  "${MYSQL[@]}" -e "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

db_stop() { stop_pid "$DB_PID" 60; DB_PID=; }

# Starts the throwaway MariaDB again on its port and data directory, after db_stop or a kill of $DB_PID.
db_restart() { DB_PORT_FIXED=$DB_PORT DB_REUSE=1 db_start; }

sql() { "${MYSQL[@]}" -N -B "$DB_NAME" -e "$1"; }

# --- the service, configured only through the environment --------------------------------------------
# app_start [VAR=value ...]: extra environment for the service (e.g. QUARKUS_DATASOURCE_JDBC_MAX_SIZE=32).
# Uses XMX (default 512m), writes $SERVICE_LOG, waits up to 120 s for /q/health/ready, then starts sampling
# RSS into $SAMPLES (if set) once a second: "<epoch s> <service RSS KiB> <MariaDB RSS KiB>".
app_start() {
  local i attempt
  APP_PORT=${APP_PORT_FIXED:-$(free_port)}
  MANAGEMENT_PORT=$(free_port)
  BASE=http://127.0.0.1:$APP_PORT
  METRICS_URL=http://127.0.0.1:$MANAGEMENT_PORT/q/metrics
  # On a saturated machine the first connection can miss the pool's 2 s acquisition timeout while Flyway starts;
  # that start is tried again (twice at most), any other exit is a failure.
  for ((attempt = 1; ; attempt++)); do
    log "starting the service on 127.0.0.1:$APP_PORT, metrics on :$MANAGEMENT_PORT (-Xmx${XMX:-512m})"
    env QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" \
        QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
        QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="$ROOT/src/main/dev-keys/non-production-public.pem" \
        MP_JWT_VERIFY_ISSUER="$ISSUER" \
        MP_JWT_VERIFY_AUDIENCES=study-service \
        QUARKUS_HTTP_PORT="$APP_PORT" \
        QUARKUS_HTTP_HOST=127.0.0.1 \
        QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
        QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
        QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false \
        "$@" \
        java "-Xmx${XMX:-512m}" -jar "$JAR" >"$SERVICE_LOG" 2>&1 &
    APP_PID=$!
    for ((i = 0; ; i++)); do
      curl -fsS --max-time 2 "$BASE/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"' && break 2
      kill -0 "$APP_PID" 2>/dev/null || break
      ((i < 120)) || die "the service was not ready within 120 s, see $SERVICE_LOG"
      sleep 1
    done
    wait "$APP_PID" 2>/dev/null || true
    if ((attempt < 3)) && grep -q 'Unable to obtain connection from database: Acquisition timeout' "$SERVICE_LOG"; then
      log "WARNING: the service could not get its first connection in time (load $(loadavg)); starting it again"
      continue
    fi
    die "the service exited, see $SERVICE_LOG"
  done
  log "service pid $APP_PID is ready"
  if grep -qi 'build time\|build-time' "$SERVICE_LOG"; then
    log "WARNING: Quarkus reports a build-time property override:"; grep -i 'build time\|build-time' "$SERVICE_LOG" >&2
  fi
  HEAP=$(jcmd "$APP_PID" VM.flags 2>/dev/null | tr ' ' '\n' \
    | awk -F= '/^-XX:(MaxHeapSize|InitialHeapSize)=/ { printf "%s%s=%dMiB", sep, substr($1, 5), $2 / 1048576; sep=", " }' \
    || true)
  GC=$(jcmd "$APP_PID" VM.flags 2>/dev/null | grep -o -- '-XX:+Use[A-Za-z0-9]*GC' | head -1 || true)
  [[ -n "${SAMPLES:-}" ]] && rss_sampler_start
  return 0
}

# Resident set sizes of the service (and our MariaDB) once per second, appended to $SAMPLES; bounded by
# the service's life. Columns: epoch s, service RSS KiB, MariaDB RSS KiB, 1-minute load average, number of
# Maven JVMs running on the machine (someone else's build competing for the cores; we never run one then).
rss_sampler_start() {
  (
    while kill -0 "$APP_PID" 2>/dev/null; do
      printf '%s\t%s\t%s\t%s\t%s\n' "$(date +%s)" "$(ps -o rss= -p "$APP_PID" | tr -d ' ')" \
        "$( [[ -n "$DB_PID" ]] && ps -o rss= -p "$DB_PID" | tr -d ' ')" "$(cut -d' ' -f1 /proc/loadavg)" \
        "$(pgrep -fc plexus-classworlds || true)"
      sleep 1
    done
  ) >>"$SAMPLES" 2>/dev/null &
  SAMPLER_PID=$!
}

# app_restart [VAR=value ...]: starts the service again on the port it had, after app_stop or a kill of $APP_PID.
app_restart() { APP_PORT_FIXED=$APP_PORT app_start "$@"; }

# Stops the service (graceful shutdown, KILL after 40 s) and the sampler; logs how long the stop took.
app_stop() {
  local start
  start=$(now)
  stop_pid "$APP_PID" 40
  stop_pid "$SAMPLER_PID" 2
  [[ -n "$APP_PID" ]] && log "service pid $APP_PID stopped in $(elapsed "$start" "$(now)") s"
  APP_PID= SAMPLER_PID=
}

# Peak service RSS in MiB between two `now` stamps (plus one second), from $SAMPLES; "n/a" without samples.
# A step shorter than the sampling period may end before its sample is written: then wait once for it.
rss_peak() {
  local peak
  peak=$(sample_max 2 "$1" "$2")
  if [[ "$peak" == n/a ]]; then sleep 1.2; peak=$(sample_max 2 "$1" "$2"); fi
  [[ "$peak" == n/a ]] && echo n/a || echo $((peak / 1024))
}

# sample_max <column> <from> <to>: the largest value of a $SAMPLES column between two `now` stamps (+1 s).
sample_max() {
  awk -v c="$1" -v a="${2%.*}" -v b="${3%.*}" '$1 >= a && $1 <= b + 1 && $c != "" && (!n++ || $c + 0 > m) { m = $c + 0 } END { if (n) print m; else print "n/a" }' "$SAMPLES"
}

# "max load <1-min load average>, Maven build running" between two `now` stamps, from $SAMPLES.
load_during() {
  local load maven
  load=$(sample_max 4 "$1" "$2") maven=$(sample_max 5 "$1" "$2")
  printf 'max load %s%s' "$load" "$([[ "$maven" =~ ^[1-9] ]] && echo ', Maven build running')"
}

# Peak RSS in MiB over all of $SAMPLES; $1 = 2 for the service, 3 for MariaDB.
rss_peak_all() { awk -v c="${1:-2}" '$c > m { m = $c } END { printf "%d", m / 1024 }' "$SAMPLES"; }

# wait_quiet <max seconds> [max 1-min load, default 1.5]: waits (bounded) until no Maven JVM runs on the machine
# and the 1-minute load average is below the limit; logs either way and never fails.
wait_quiet() {
  local limit=$1 max_load=${2:-1.5} i maven load
  ((limit > 0)) || return 0
  for ((i = 0; i * 5 < limit; i++)); do
    maven=$(pgrep -fc plexus-classworlds || true) load=$(cut -d' ' -f1 /proc/loadavg)
    if [[ "$maven" == 0 ]] && awk -v l="$load" -v m="$max_load" 'BEGIN { exit !(l < m) }'; then
      log "machine quiet after $((i * 5)) s (load $(loadavg))"
      return 0
    fi
    sleep 5
  done
  log "WARNING: machine not quiet after $limit s (Maven JVMs: $maven, load $(loadavg)); measuring anyway"
}

# CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; 0 if it is gone.
cpu_seconds() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return 0; }
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / hz }' <<<"${stat##*) }"
}

# thread_cpu <pid>: CPU seconds so far of a JVM's threads, grouped: "<jit> <gc> <requests> <other>", where jit =
# C1/C2 compiler threads, gc = GC threads, requests = Quarkus executor and Vert.x event-loop threads.
thread_cpu() {
  local task comm stat
  for task in /proc/"$1"/task/*; do
    { read -r comm <"$task/comm"; } 2>/dev/null || continue  # a thread that ended since the glob
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    printf '%s\t%s\n' "${comm// /_}" "$(awk '{ print $12 + $13 }' <<<"$stat")"
  done | awk -v hz="$(getconf CLK_TCK)" -F'\t' '
    $1 ~ /^C[12]_Compiler/ { j += $2; next }
    $1 ~ /^(GC_Thread|G1_|VM_Thread)/ { g += $2; next }
    $1 ~ /^(executor-thread|vert\.x-eventloo)/ { r += $2; next }
    { o += $2 }
    END { printf "%.2f %.2f %.2f %.2f\n", j / hz, g / hz, r / hz, o / hz }'
}

# --- admin calls, load drivers, the skeleton ---------------------------------------------------------------
# admin <method> <path> <expected status> [curl args...]: calls the service with $ADMIN_TOKEN and dies on any other
# status; the body lands in $OUT/response.json. ADMIN_TIMEOUT (default 300 s) bounds one call.
admin() {
  local method=$1 path=$2 expect=$3 status
  shift 3
  status=$(curl -sS --max-time "${ADMIN_TIMEOUT:-300}" -o "$OUT/response.json" -w '%{http_code}' -X "$method" \
    -H "Authorization: Bearer $ADMIN_TOKEN" "$@" "$BASE$path") || status=curl-error
  [[ "$status" == "$expect" ]] || die "$method $path returned $status, expected $expect: $(head -c 800 "$OUT/response.json")"
}

# reconcile_job: starts a reconciliation job (202) and polls it until it has ended; leaves the ended job (state,
# phase, totalDrift, tables, startedAt, finishedAt) in $OUT/response.json and its run time in RECONCILE_SECONDS.
# Dies unless it SUCCEEDED.
reconcile_job() {
  local id state
  admin POST /api/v1/admin/stats/reconcile 202
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$OUT/response.json")
  while :; do
    admin GET "/api/v1/admin/stats/reconcile/$id" 200
    state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$OUT/response.json")
    [[ "$state" == RUNNING ]] || break
    sleep "${RECONCILE_POLL_S:-0.5}"
  done
  [[ "$state" == SUCCEEDED ]] || die "reconciliation job $id ended $state: $(head -c 800 "$OUT/response.json")"
  RECONCILE_SECONDS=$(python3 -c '
import json, sys
from datetime import datetime
j = json.load(open(sys.argv[1]))
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
print("%.1f" % (t(j["finishedAt"]) - t(j["startedAt"])).total_seconds())' "$OUT/response.json")
}

# compile_driver <java source> <classes dir> [source path]: compiles a load driver once (a single-file launch
# recompiles every run); classes it uses from the source path (another bench's directory) are compiled with it.
compile_driver() {
  local class=$2/$(basename "$1" .java).class
  if [[ ! -f "$class" || "$1" -nt "$class" || -n "${3:-}" && -n "$(find "$3" -name '*.java' -newer "$class" -print -quit)" ]]; then
    rm -rf "$2" && mkdir -p "$2"
    javac --release 17 -d "$2" ${3:+-sourcepath "$3"} "$1"
  fi
}

# county_codes <skeleton csv>: fills the array COUNTIES with the skeleton's COUNTY codes.
county_codes() {
  mapfile -t COUNTIES < <(awk -F, 'NR > 1 && $3 == "COUNTY" { print $1 }' "$1")
  ((${#COUNTIES[@]} > 0)) || die "no COUNTY rows in $1"
}

# --- tokens signed with the NON-PRODUCTION key ----------------------------------------------------------
# mint_tokens: many tokens in one JVM (bench/lib/MintTokens.java); stdin lines "sub TAB groups-json TAB org TAB ttl
# TAB jti", stdout lines "sub TAB token". The same claims as mint_token, without two forks of openssl per token.
mint_tokens() {
  local classes=$OUT/mint-classes
  compile_driver "$ROOT/bench/lib/MintTokens.java" "$classes"
  java -cp "$classes" MintTokens "$ROOT/src/main/dev-keys/non-production-private.pem" "$ISSUER"
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# mint_token <sub> <groups JSON array> <org> [ttl seconds, default 7200] [jti]: prints an RS256 JWT.
mint_token() {
  local sub=$1 groups=$2 org=$3 ttl=${4:-7200} jti=${5:-bench-$1-$(date +%s%N)} iat header payload signature
  iat=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","aud":"study-service","sub":"%s","upn":"%s","groups":%s,"org":"%s","iat":%d,"exp":%d,"jti":"%s"}' \
    "$ISSUER" "$sub" "$sub" "$groups" "$org" "$iat" "$((iat + ttl))" "$jti" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -sign "$ROOT/src/main/dev-keys/non-production-private.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

# The machine line every results file starts with: CPU model, cores, memory and the load around the run.
machine_line() {
  echo "Machine: $(cpu_model), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, load average ${LOAD_START:-?} at start, $(loadavg) at end."
}

cpu_model() { awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo; }

# --- ceilings: each figure beside what the same machine does without the service, measured in the same run ----
# ratio <figure> <ceiling> [decimals, default 2]: figure ÷ ceiling, or "n/a" without a ceiling.
ratio() { awk -v a="$1" -v b="$2" -v d="${3:-2}" 'BEGIN { if (b + 0 > 0) printf "%.*f", d, a / b; else print "n/a" }'; }

# verdict <ratio> <op> <target>: "met" or "missed" for op ge (≥) or le (≤); "n/a" without a ratio.
verdict() {
  awk -v r="$1" -v op="$2" -v t="$3" 'BEGIN { if (r == "n/a") print "n/a"; else if (op == "ge" ? r + 0 >= t : r + 0 <= t) print "met"; else print "missed" }'
}

# app_property <key>: a setting of the packaged service as application.properties gives it (prod profile first).
app_property() {
  local file=$ROOT/src/main/resources/application.properties value
  value=$(sed -n "s/^%prod\.$1=//p" "$file" | tail -1)
  [[ -n "$value" ]] || value=$(sed -n "s/^$1=//p" "$file" | tail -1)
  [[ -n "$value" ]] || die "application.properties has no $1"
  printf '%s' "$value"
}

# The MySQL Connector/J jar the packaged service ships, for ceilings that talk JDBC without the service.
connector_jar() {
  local jar
  jar=$(ls "$(dirname "$JAR")"/lib/main/com.mysql.mysql-connector-j-*.jar 2>/dev/null | head -1)
  [[ -n "$jar" ]] || die "no MySQL Connector/J jar in $(dirname "$JAR")/lib/main"
  printf '%s' "$jar"
}

# $JDBC_URL with the service's prod connection properties (application.properties), so a bare JDBC ceiling talks
# to MariaDB exactly as the service's pool does (prepared-statement cache, batched rewrites, UTC session).
ceiling_jdbc_url() {
  local props
  props=$(sed -n 's/^%prod\.quarkus\.datasource\.jdbc\.additional-jdbc-properties\.\([A-Za-z]*\)=\(.*\)$/\1=\2/p' \
    "$ROOT/src/main/resources/application.properties" | paste -sd'&')
  printf '%s%s%s' "$JDBC_URL" "$([[ "$JDBC_URL" == *\?* ]] && echo '&' || echo '?')" "$props"
}

# bench_lock: holds /tmp/study-bench.lock until the script exits, so that benchmarks do not measure each other.
# BENCH_LOCK=exclusive (default; 1 as in stats-scale) for measurements, shared for a development run that may share
# the machine with another shared holder (a load phase), 0 when an outer flock holds it already.
bench_lock() {
  local mode=${BENCH_LOCK:-exclusive} flag=-x
  [[ "$mode" == 0 ]] && return 0
  [[ "$mode" == shared ]] && flag=-s
  exec 8>/tmp/study-bench.lock
  flock -n "$flag" 8 || { log "waiting for /tmp/study-bench.lock ($mode; another benchmark holds it)"; flock "$flag" 8; }
  log "holding /tmp/study-bench.lock ($mode)"
}
