#!/usr/bin/env python3
"""Statements per request, by kind, from MariaDB general logs of a benchmark (Python 3 stdlib only).

    bench/lib/sql_log_summary.py --requests 200 service=general-service.log ceiling=general-ceiling.log

Each log holds the statements of --requests requests. Only connections that served requests count: those that took
a worker's row lock (SELECT ... FROM worker ... FOR UPDATE); on each, statements from its first lock (and the
`SET autocommit=0` just before it) to its last COMMIT (and the `SET autocommit=1` just after it), so connection
set-up and the benchmark's own mariadb-client calls are left out. Statements are grouped by kind: verb, tables and
the clauses that matter (IGNORE, ON DUPLICATE KEY UPDATE, FOR UPDATE, UNION ALL), literals removed. Prints a
Markdown table with one column per log: statements per request of each kind, and the total.
"""
import argparse
import collections
import re

LINE = re.compile(r"^(?:\d{6}\s+\d{1,2}:\d{2}:\d{2})?\s+(\d+)\s+(Query|Connect|Quit|Init DB|Prepare|Execute|"
                  r"Close stmt|Reset stmt|Field List|Statistics|Ping)\t?(.*)$")


def statements(path):
    """(connection id, command, text) in log order; continuation lines join the statement before them."""
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            m = LINE.match(line)
            if m:
                out.append([int(m.group(1)), m.group(2), m.group(3)])
            elif out and not line.startswith(("/usr/", "Tcp port", "Time ")):
                out[-1][2] += " " + line.strip()
    return out


def kind(sql):
    if re.match(r"\s*SET\s", sql, flags=re.I):
        return re.sub(r"\s*=\s*", "=", " ".join(sql.split()).lower())
    s = re.sub(r"/\*.*?\*/", " ", sql)
    s = re.sub(r"'(?:[^'\\]|\\.)*'", "?", s)
    s = re.sub(r"\b0x[0-9A-Fa-f]+\b|\b\d+(?:\.\d+)?\b", "?", s)
    s = " ".join(s.split())
    u = s.upper()
    if not u:
        return "(empty)"
    verb = u.split()[0]
    if verb in ("COMMIT", "ROLLBACK", "START", "BEGIN"):
        return re.sub(r"\s*=\s*", "=", s.lower())
    tables = []
    for t in re.findall(r"\b(?:FROM|INTO|UPDATE|JOIN)\s+`?(\w+)`?", s, flags=re.I):
        if t.upper() not in ("SELECT",) and t.lower() not in tables:
            tables.append(t.lower())
    label = verb
    if " IGNORE " in f" {u} ":
        label += " IGNORE"
    label += " " + (", ".join(tables) if tables else "-")
    if "ON DUPLICATE KEY UPDATE" in u:
        label += " (upsert)"
    if u.count("UNION ALL"):
        label += f" ({u.count('UNION ALL') + 1} parts, UNION ALL)"
    if u.endswith("FOR UPDATE"):
        label += " FOR UPDATE"
    return label


def is_lock(sql):
    u = " ".join(sql.upper().split())
    return u.startswith("SELECT") and " FROM WORKER " in f" {u} " and u.endswith("FOR UPDATE")


def per_request(path, requests):
    by_conn = collections.defaultdict(list)
    for conn, command, text in statements(path):
        if command == "Query":
            by_conn[conn].append(text)
    counts = collections.Counter()
    for texts in by_conn.values():
        locks = [i for i, t in enumerate(texts) if is_lock(t)]
        commits = [i for i, t in enumerate(texts) if t.strip().upper() == "COMMIT"]
        if not locks or not commits:
            continue
        start, end = locks[0], commits[-1]
        # the transaction's own SET autocommit=0 may come a few statements before its lock (a cache reload)
        for i in range(start - 1, max(-1, start - 8), -1):
            if kind(texts[i]) == "set autocommit=0":
                start = i
                break
            if kind(texts[i]) in ("commit", "set autocommit=1"):
                break
        if end + 1 < len(texts) and kind(texts[end + 1]) == "set autocommit=1":
            end += 1
        for t in texts[start:end + 1]:
            counts[kind(t)] += 1
    return {k: v / requests for k, v in counts.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("logs", nargs="+", help="name=path")
    args = parser.parse_args()
    names, tables = [], []
    for item in args.logs:
        name, path = item.split("=", 1)
        names.append(name)
        tables.append(per_request(path, args.requests))
    kinds = sorted({k for t in tables for k in t}, key=lambda k: (-max(t.get(k, 0) for t in tables), k))
    print("| statement kind | " + " | ".join(f"{n} per request" for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    for k in kinds:
        print(f"| `{k}` | " + " | ".join(f"{t.get(k, 0):.2f}" for t in tables) + " |")
    print("| **all** | " + " | ".join(f"**{sum(t.values()):.2f}**" for t in tables) + " |")


if __name__ == "__main__":
    main()
