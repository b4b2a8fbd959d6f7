#!/usr/bin/env bash
# Render time of the console's province dashboard in headless chromium: N full loads (after warm-ups), each timed
# from navigation start until the dashboard sets data-rendered (cards, children, charts drawn with data), plus the
# same page reached inside the signed-in console. Client side only: point it at a running service, e.g. the
# packaged jar of bench/stats-scale with its 1,000,000 workers, or dev mode. Run from the repository root:
#
#   TOKEN=<province admin's bearer token> bench/console-render/run.sh http://127.0.0.1:8080
#   DEV_SIGN_IN=province-admin bench/console-render/run.sh http://localhost:8080      # dev and test builds only
#
# Environment (optional unless said):
#   TOKEN              a province admin's access token (kept out of the command line); or
#   DEV_SIGN_IN        a demo identity of the dev sign-in page (province-admin)
#   BENCH_ORG=QH       the union whose dashboard is loaded
#   BENCH_CAMPAIGN=    campaign id; default the console's own default (the most recently published)
#   BENCH_RUNS=10 BENCH_WARMUPS=2
#   BENCH_COLD_CACHE=0 1 clears chromium's HTTP cache before every load (default: a returning admin's warm cache,
#                      which still revalidates the console's files: Cache-Control no-cache)
#   BENCH_TIMEOUT_S=120 longest wait for one render
# Needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver) and the project's
# test dependencies in the local Maven repository (Selenium); nothing is downloaded. Writes bench/out/console-render/.
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/console-render" ]] || { echo "run me from the repository root" >&2; exit 2; }
OUT=$ROOT/bench/out/console-render
source "$ROOT/bench/lib/common.sh"
[[ "${1:-}" != -* ]] || bench_args -- "$1"   # --help; the one argument it takes is the service's URL
BASE_URL=${1:-${BASE_URL:-http://127.0.0.1:8080}}
CLASSPATH_FILE=$OUT/classpath.txt
mkdir -p "$OUT"

for binary in /usr/bin/chromium /usr/bin/chromedriver; do
  [[ -x "$binary" ]] || { echo "$binary is missing: apt-get install chromium chromium-driver" >&2; exit 1; }
done
# The project's test classpath (Selenium and what it needs) as Maven resolves it, read from Maven's own dependency tree
# in the debug output of a surefire run that selects no test: no plugin the build does not already use (the
# dependency plugin is not in the primed repository), nothing downloaded (-o). Kept until pom.xml changes.
resolve_classpath() {
  (cd "$ROOT" && nice -n 19 ./mvnw -B -o -X surefire:test -Dtest=NoSuchConsoleRenderClass \
    -Dsurefire.failIfNoSpecifiedTests=false) | awk '
    /Using local repository at / { repo = $NF }
    tree && !/^\[DEBUG\]    / { tree = 0 }
    /^\[DEBUG\] cn\.qhzgh\.study:study-service:jar:/ { tree = 1; next }
    tree {
      n = split($2, c, ":")
      if (c[3] != "jar" || (n != 5 && n != 6)) next
      version = c[n - 1]
      group = c[1]; gsub(/\./, "/", group)
      file = repo "/" group "/" c[2] "/" version "/" c[2] "-" version (n == 6 ? "-" c[4] : "") ".jar"
      jars = jars (jars ? ":" : "") file
    }
    END { print jars }'
}
if [[ ! -s "$CLASSPATH_FILE" || "$ROOT/pom.xml" -nt "$CLASSPATH_FILE" ]]; then
  echo "resolving the test classpath (Selenium) from the local Maven repository, about a minute" >&2
  resolve_classpath >"$CLASSPATH_FILE.new"
  tr ':' '\n' <"$CLASSPATH_FILE.new" | grep -q '/selenium-java-[^/]*\.jar$' \
    || { echo "no Selenium in the resolved classpath; is the local Maven repository primed (./mvnw -o verify)?" >&2; exit 1; }
  mv "$CLASSPATH_FILE.new" "$CLASSPATH_FILE"
fi
curl -fsS --max-time 60 -o /dev/null "${BASE_URL%/}/console/" || { echo "no console at ${BASE_URL%/}/console/" >&2; exit 1; }

STAMP=$(date +%Y%m%d-%H%M%S)
{
  echo "# console-render $STAMP"
  echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
  # Without the project's JBoss LogManager, which would claim Selenium's java.util.logging and complain.
  java -cp "$(tr ':' '\n' <"$CLASSPATH_FILE" | grep -v 'logmanager' | paste -sd:)" \
    "$ROOT/bench/console-render/ConsoleRender.java" "${BASE_URL%/}/console/"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/results-$STAMP.txt"
