#!/usr/bin/env python3
"""Summarises a Java Flight Recorder file written by a benchmark's BENCH_JFR=1 (Python 3 stdlib + the JDK's `jfr`).

    bench/lib/jfr_summary.py bench/out/quiz-load/load-1.jfr [--frames N] [--thread-prefix executor-thread]

Prints, over the CPU samples (jdk.ExecutionSample) of threads whose name starts with the prefix:
  * the application method (cn.qhzgh.*) nearest the top of each sample's stack, by share of samples;
  * the library "areas" (Hibernate flush, JDBC driver, Jackson, ...) that appear anywhere on the stack;
and the GC pauses during the recording. JFR samples at most a few threads per period, so shares are estimates;
JIT compiler threads are not sampled at all (compare per-thread CPU from /proc/<pid>/task/*/stat for those).
"""
import argparse
import collections
import json
import subprocess
import sys

AREAS = [
    ("Hibernate flush / dirty checking", ("org.hibernate.event.internal.AbstractFlushingEventListener",
                                          "org.hibernate.event.internal.DefaultFlushEntityEventListener")),
    ("Hibernate entity loading (hydration)", ("org.hibernate.sql.results",)),
    ("Hibernate persist / insert actions", ("org.hibernate.action.internal.EntityIdentityInsertAction",
                                            "org.hibernate.event.internal.DefaultPersistEventListener")),
    ("HQL/SQL query translation", ("org.hibernate.query.sqm.internal.QuerySqmImpl", "org.hibernate.query.hql",
                                   "org.hibernate.query.sqm.sql")),
    ("JDBC driver (Connector/J)", ("com.mysql.cj",)),
    ("Jackson (JSON)", ("com.fasterxml.jackson",)),
    ("JPA attribute converters", ("cn.qhzgh.study.common.StringListConverter",
                                  "cn.qhzgh.study.quiz.question.OptionsConverter",
                                  "cn.qhzgh.study.quiz.attempt.DrawConverter")),
    ("XLSX reading (fastexcel)", ("org.dhatim.fastexcel",)),
    ("waiting for / acquiring a pooled connection", ("io.agroal.pool.ConnectionPool.getConnection",)),
    ("transaction commit (Narayana)", ("com.arjuna.ats.arjuna.coordinator.BasicAction.End",)),
    ("JWT verification", ("io.smallrye.jwt", "org.jose4j")),
    ("SHA-256 hashing", ("cn.qhzgh.study.common.Hashing",)),
]


def frames(event):
    stack = event["values"].get("stackTrace") or {}
    for frame in stack.get("frames", []):
        method = frame["method"]
        yield method["type"]["name"].replace("/", ".") + "." + method["name"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jfr")
    parser.add_argument("--frames", type=int, default=15)
    parser.add_argument("--thread-prefix", default="executor-thread")
    args = parser.parse_args()

    def events(kind, depth=64):
        out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", kind, args.jfr],
                             check=True, capture_output=True, text=True, timeout=300).stdout
        return json.loads(out)["recording"]["events"]

    samples = [e for e in events("jdk.ExecutionSample")
               if (e["values"].get("sampledThread") or {}).get("javaName", "").startswith(args.thread_prefix)]
    if not samples:
        sys.exit("no samples of threads named " + args.thread_prefix + "*")
    owner, areas = collections.Counter(), collections.Counter()
    for event in samples:
        stack = list(frames(event))
        owner[next((f for f in stack if f.startswith("cn.qhzgh.")), "(no application frame)")] += 1
        for area, prefixes in AREAS:
            if any(f.startswith(prefixes) for f in stack):
                areas[area] += 1
    total = len(samples)
    print(f"{total} CPU samples of {args.thread_prefix}* threads")
    print("\nApplication method nearest the top of the stack:")
    for name, n in owner.most_common(args.frames):
        print(f"  {100 * n / total:5.1f} %  {name}")
    print("\nLibrary areas anywhere on the stack (a sample may count in several):")
    for area, n in areas.most_common():
        print(f"  {100 * n / total:5.1f} %  {area}")

    def seconds(duration):  # JFR JSON durations look like "PT0.001234S"
        return float(duration[2:-1]) if duration.startswith("PT") and duration.endswith("S") and "M" not in duration else 0.0

    gc_pause_s = sum(seconds(e["values"]["duration"]) for e in events("jdk.GCPhasePause", 1))
    print(f"\nGC pauses {gc_pause_s:.2f} s in total")


if __name__ == "__main__":
    main()
