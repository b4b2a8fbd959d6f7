#!/usr/bin/env bash
# Upgrade check (issue #13, "a test fills a database at today's schema version through the API, migrates it, and
# compares every figure"): the jar of an earlier commit fills a throwaway MariaDB through the API (unions, the notice,
# workers reading and sitting quizzes), every figure is read from /summary, /children, /modules and /me/records, then
# the current jar starts on the same database (Flyway migrates it) and the same figures are read again and compared.
# Prints the comparisons and "N passed, N failed"; exits 1 if one failed. Run from the repository root (about 5 min):
#
#   bench/upgrade/run.sh
#
# Environment (all optional):
#   BENCH_OLD_REV=640f370   the commit whose jar fills the database (before campaigns); built in bench/out/upgrade/old
#   BENCH_OLD_JAR=          that commit's packaged jar, if you have one already (skips the build)
#   BENCH_WORKERS=40        workers, spread over the county unions; each reads some modules, about half sit the FINAL
#   BENCH_XMX=512m          service heap
#
# Output: bench/out/upgrade/ (git-ignored): mariadb/, service-*.log, figures-before.json, figures-after.json
set -euo pipefail

ROOT=$(pwd)
[[ -f "$ROOT/pom.xml" && -d "$ROOT/bench/upgrade" ]] || { echo "run me from the repository root" >&2; exit 2; }

OLD_REV=${BENCH_OLD_REV:-640f370}
WORKERS=${BENCH_WORKERS:-40}
XMX=${BENCH_XMX:-512m}
OUT=$ROOT/bench/out/upgrade
SKELETON=$ROOT/src/main/resources/seed/qinghai-unions.csv
NOTICE=$ROOT/src/main/resources/notice/qhzgh-2022-24.md
mkdir -p "$OUT"
# shellcheck source=../lib/common.sh
source "$ROOT/bench/lib/common.sh"
bench_args -- "$@"
bench_install_traps
require_tools java python3 curl openssl git

NEW_JAR=$JAR
jar_ensure
OLD_SRC=$OUT/old
OLD_JAR=${BENCH_OLD_JAR:-$OLD_SRC/target/quarkus-app/quarkus-run.jar}
if [[ -z "${BENCH_OLD_JAR:-}" ]] && [[ ! -f "$OLD_SRC/target/quarkus-app/quarkus-run.jar" || "$(git -C "$OLD_SRC" rev-parse HEAD 2>/dev/null)" != "$(git rev-parse "$OLD_REV")" ]]; then
  log "building the jar of $OLD_REV in $OLD_SRC"
  git worktree remove --force "$OLD_SRC" 2>/dev/null || rm -rf "$OLD_SRC"
  git worktree prune
  git worktree add --detach "$OLD_SRC" "$OLD_REV" >/dev/null
  (cd "$OLD_SRC" && ./mvnw -B -q package -Dmaven.test.skip=true)
fi

db_start
county_codes "$SKELETON"
STAMP=$(date +%s)
ADMIN_TOKEN=$(mint_token bench-upgrade-admin '["province-admin"]' QH 7200 "bench-upgrade-admin-$STAMP")
: >"$OUT/tokens.tsv"
for ((w = 1; w <= WORKERS; w++)); do
  sub=$(printf 'bench-up-%04d' "$w")
  printf '%s\t%s\n' "$sub" "$(mint_token "$sub" '["worker"]' "${COUNTIES[$(((w - 1) % 6))]}" 7200 "bench-up-$STAMP-$w")" \
    >>"$OUT/tokens.tsv"
done

# figures <file>: every figure the province admin and each worker can read, without the moment they were read.
figures() {
  python3 - "$BASE" "$ADMIN_TOKEN" "$OUT/tokens.tsv" "$1" <<'PY'
import json, sys, urllib.request
base, admin, tokens, out = sys.argv[1:5]
def get(path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)
figures = {"summary": get("/api/v1/stats/orgs/QH/summary", admin),
           "children": get("/api/v1/stats/orgs/QH/children", admin),
           "modules": get("/api/v1/stats/orgs/QH/modules", admin), "records": {}}
for line in open(tokens, encoding="utf-8"):
    sub, token = line.rstrip("\n").split("\t")
    figures["records"][sub] = get("/api/v1/me/records", token)
for view in ("summary", "children"):
    figures[view].pop("asOf")
json.dump(figures, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1, sort_keys=True)
PY
}

log "filling the database through the API of $OLD_REV"
# A worker here sits several quizzes within a minute; the per-worker quiz rate limit is not what is checked.
JAR=$OLD_JAR SERVICE_LOG=$OUT/service-before.log app_start STUDY_QUIZ_RATE_LIMIT_PER_MINUTE=1000
admin POST /api/v1/admin/orgs/import 200 -F "file=@$SKELETON;type=text/csv"
admin POST /api/v1/admin/notices 201 -H 'Content-Type: text/markdown; charset=UTF-8' --data-binary "@$NOTICE"
python3 - "$BASE" "$OUT/tokens.tsv" "$ADMIN_TOKEN" <<'PY'
import json, random, sys, urllib.request, uuid
from datetime import datetime, timedelta, timezone
base, tokens, admin = sys.argv[1:4]
rng = random.Random(20221115)
def call(method, path, token, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token, **({"Content-Type": "application/json"} if body is not None else {}),
        **(headers or {})})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)
keys = {}
def take(token, quiz, accuracy):
    """Starts the quiz and answers each question right with this probability (the key read as an admin)."""
    attempt = call("POST", f"/api/v1/quizzes/{quiz}/attempts", token)
    answers = []
    for q in attempt["questions"]:
        key = keys.get(q["questionId"]) or keys.setdefault(q["questionId"],
                                                            call("GET", f"/api/v1/admin/questions/{q['questionId']}", admin))
        stored = {o["key"]: o["text"] for o in key["options"]}
        shown = {o["text"]: o["key"] for o in q["options"]}
        right = [shown[stored[k]] for k in key["answer"]] if q["options"] else key["answer"][:1]
        wrong = [o["key"] for o in q["options"] if o["key"] not in right][:1] or ["不清楚"]
        answers.append({"questionId": q["questionId"], "response": right if rng.random() < accuracy else wrong})
    call("PUT", f"/api/v1/attempts/{attempt['attemptId']}/answers", token, {"answers": answers},
         {"Idempotency-Key": str(uuid.uuid4())})
stats = {"events": 0, "attempts": 0}
for line in open(tokens, encoding="utf-8"):
    sub, token = line.rstrip("\n").split("\t")
    modules = call("GET", "/api/v1/modules", token)
    finisher = rng.random() < 0.3
    read = modules if finisher else modules[:rng.randint(1, len(modules))] if rng.random() < 0.8 else []
    end = datetime.now(timezone(timedelta(hours=8))) - timedelta(days=rng.randint(0, 20), minutes=5)
    events = []
    for module in reversed(read):
        seconds = 60 * module["readingMinutes"]
        events.append({"eventId": str(uuid.uuid4()), "moduleId": module["id"], "percent": 100,
                       "secondsSpent": seconds, "occurredAt": end.isoformat(), "channel": rng.choice(
                           ["APP", "WECHAT", "WEIBO", "VIDEO"])})
        end -= timedelta(seconds=seconds + 30)
    for start in range(0, len(events), 50):
        call("POST", "/api/v1/me/progress", token, {"events": events[start:start + 50]})
    stats["events"] += len(events)
    quizzes = call("GET", "/api/v1/quizzes", token)
    codes = {m["code"] for m in read}
    for quiz in quizzes:
        if quiz["kind"] == "MODULE" and quiz["moduleCode"] in codes and (finisher or rng.random() < 0.7):
            take(token, quiz["id"], 1.0 if finisher else 0.8)
            stats["attempts"] += 1
    if finisher or read and rng.random() < 0.3:
        take(token, next(q["id"] for q in quizzes if q["kind"] == "FINAL"), 1.0 if finisher else 0.8)
        stats["attempts"] += 1
print(f"filled: {stats['events']} reading events, {stats['attempts']} quiz attempts", file=sys.stderr)
PY
figures "$OUT/figures-before.json"
app_stop

log "starting the current jar on the same database: Flyway migrates it"
JAR=$NEW_JAR SERVICE_LOG=$OUT/service-after.log app_start
grep -q 'Migrating schema .* to version "13 - campaigns"' "$OUT/service-after.log" \
  || die "the current jar did not run migration V13, see $OUT/service-after.log"
figures "$OUT/figures-after.json"
app_stop

python3 - "$OUT/figures-before.json" "$OUT/figures-after.json" <<'PY'
import json, sys
before, after = (json.load(open(f, encoding="utf-8")) for f in sys.argv[1:3])
checks = []
def check(name, ok, detail=""):
    checks.append(ok)
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
check("/summary figures", before["summary"]["figures"] == after["summary"]["figures"],
      f'{before["summary"]["figures"]} != {after["summary"]["figures"]}')
check("/summary docNumber", before["summary"]["docNumber"] == after["summary"]["docNumber"])
check("/children, every child", before["children"]["children"] == after["children"]["children"])
check("/modules, every module", before["modules"] == after["modules"])
differing = [sub for sub, old in before["records"].items() if {k: v for k, v in after["records"][sub].items()
             if k in old} != old]
check(f"/me/records of {len(before['records'])} workers", not differing, f"differ for {differing[:5]}")
figures = before["summary"]["figures"]
print(f"figures compared: {figures['workers']} workers, {figures['started']} started, {figures['completed']} "
      f"completed, {figures['finalAttempted']} FINAL takers, {figures['secondsSpentTotal']} credited seconds")
print(f"upgrade: {sum(checks)} passed, {len(checks) - sum(checks)} failed")
sys.exit(0 if all(checks) else 1)
PY
