#!/usr/bin/env python3
"""Simulates a province's study activity in several campaigns for the statistics scale benchmark (Python 3 stdlib,
fixed seed).

Reads what the service created, one input directory per campaign (modules, quizzes, questions; tab-separated
exports), plus the workers and orgs, and writes tab-separated files for LOAD DATA, one set per shard of contiguous
worker ids, each in primary-key order:

  module_progress  progress_event  worker_active_day  quiz_attempt  attempt_answer  campaign_completion  worker_credit

Timestamps are epoch seconds (UTC); the loader converts them with FROM_UNIXTIME under time_zone '+00:00'.
The records obey the service's rules, so the reconciliation finds them consistent and builds exact counters:
  * a worker studies the campaigns one after the other on one clock, so no two reading claims overlap;
  * an event claims [occurred - seconds, occurred); it is credited what its module may still be credited (three
    times the module's reading time in all: study.progress.credit.module-multiple), events credited in the order
    the service stored them (received time); worker_credit holds the credited spans (progress/SpanCodec);
  * a module's percent is the maximum of its events, its seconds and credited seconds their sums;
  * worker_active_day holds each Asia/Shanghai day of a worker's events per campaign;
  * a module is complete when its percent is 100, a third of its reading time is credited
    (study.progress.credit.completion-minimum-fraction) and, if it has a MODULE quiz, a submitted attempt passed
    (score = round(100 * correct / asked) >= pass score); at most max_attempts attempts per quiz;
  * a campaign is complete when all its modules are complete and its FINAL was passed, at that moment.
Skew: each union gets an engagement level (its city's plus its own), which sets how many of its workers never
start, read everything or stop halfway; a fraction of the full readers also take every quiz and the FINAL.
"""

import argparse
import datetime
import json
import math
import os
import random

SHANGHAI = 8 * 3600
CHANNELS = ("APP", "WECHAT", "VIDEO", "WEIBO")
CHANNEL_WEIGHTS = (0.42, 0.38, 0.14, 0.06)
WRONG_BLANK = ('["不清楚"]', '["工会"]', '["群众"]')
CREDIT_MULTIPLE = 3                   # study.progress.credit.module-multiple
COMPLETION_FRACTION = 0.33333333      # study.progress.credit.completion-minimum-fraction
TABLES = ("module_progress", "progress_event", "worker_active_day", "quiz_attempt", "attempt_answer",
          "campaign_completion", "worker_credit")


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def varint(value, out):
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)


def encode_spans(spans):
    """progress/SpanCodec: per span, its gap after the previous end and its length, as LEB128 varints."""
    out, previous_end = bytearray(), 0
    for start, end in spans:
        varint(start - previous_end, out)
        varint(end - start, out)
        previous_end = end
    return out.hex()


class Question:
    """What answering one question looks like: its draw entries and its right and wrong responses."""

    def __init__(self, row, rnd):
        qid, qtype, module_code, version, options, answer = row
        self.id, self.version, self.module_code = int(qid), int(version), module_code
        keys = [o["key"] for o in json.loads(options)]
        answer_keys = json.loads(answer)
        perms = [keys[:] for _ in range(12)]
        for p in perms:
            rnd.shuffle(p)
        self.draw_entries = [json.dumps({"questionId": self.id, "version": self.version, "optionKeys": p},
                                        separators=(",", ":")) for p in perms]
        # Most items are easy, a few are hard; a hard item makes the dashboard flag it.
        self.difficulty = 0.7 if rnd.random() < 0.03 else rnd.betavariate(1.5, 9)
        if qtype == "FILL_BLANK":
            self.right = (json.dumps(answer_keys, ensure_ascii=False), "\\N")
            self.wrong = [(w, "\\N") for w in WRONG_BLANK]
        else:
            self.right = (json.dumps(sorted(answer_keys)), "".join(sorted(answer_keys)))
            others = [k for k in keys if k not in answer_keys]
            picks = [[k] for k in others]
            if qtype == "MULTIPLE_CHOICE":
                picks += [sorted(answer_keys[:-1])] if len(answer_keys) > 1 else []
                picks += [sorted(answer_keys + others[:1])] if others else []
            # The first distractor is the tempting one: listed three times.
            picks = picks[:1] * 3 + picks[1:]
            self.wrong = [(json.dumps(p), "".join(p)) for p in picks] or [self.right]


class Quiz:
    def __init__(self, row, questions):
        qid, kind, module_code, count, pass_score, time_limit, max_attempts = row
        self.id, self.kind, self.module_code = int(qid), kind, module_code
        self.count, self.pass_score = int(count), int(pass_score)
        self.time_limit, self.max_attempts = int(time_limit), int(max_attempts)
        self.pool = [q for q in questions if kind == "FINAL" or q.module_code == module_code]


class Module:
    def __init__(self, row):
        self.id, self.code, self.version, minutes = int(row[0]), row[1], int(row[2]), int(row[3])
        self.reading_seconds = minutes * 60
        self.cap = math.floor(minutes * 60 * CREDIT_MULTIPLE)
        self.minimum = math.ceil(minutes * 60 * COMPLETION_FRACTION)


class Campaign:
    """One campaign's modules in study order, its module quizzes and FINAL, and the day it opened."""

    def __init__(self, spec, setup, today_start):
        campaign_id, directory, days = spec.split(":")
        self.id, self.days = int(campaign_id), int(days)
        questions = [Question(r, setup) for r in read_tsv(os.path.join(directory, "questions.tsv"))]
        quizzes = [Quiz(r, questions) for r in read_tsv(os.path.join(directory, "quizzes.tsv"))]
        self.modules = [Module(r) for r in read_tsv(os.path.join(directory, "modules.tsv"))]
        self.module_quiz = {q.module_code: q for q in quizzes if q.kind == "MODULE"}
        self.final = next(q for q in quizzes if q.kind == "FINAL")
        self.day0 = today_start - self.days * 86400


class Writer:
    def __init__(self, out_dir, shard):
        self.files = {name: open(os.path.join(out_dir, f"{name}.{shard}.tsv"), "w", encoding="utf-8")
                      for name in TABLES}
        self.buffers = {name: [] for name in self.files}
        self.counts = {name: 0 for name in self.files}

    def add(self, name, line):
        buf = self.buffers[name]
        buf.append(line)
        if len(buf) >= 20000:
            self.flush(name)

    def flush(self, name):
        self.files[name].writelines(self.buffers[name])
        self.counts[name] += len(self.buffers[name])
        self.buffers[name].clear()

    def close(self):
        for name, f in self.files.items():
            self.flush(name)
            f.close()


class Event:
    __slots__ = ("module", "event_id", "percent", "seconds", "occurred", "received", "channel", "credited")

    def __init__(self, module, event_id, percent, seconds, occurred, received, channel):
        self.module, self.event_id, self.percent, self.seconds = module, event_id, percent, seconds
        self.occurred, self.received, self.channel, self.credited = occurred, received, channel, 0


class Simulator:
    def __init__(self, a, rnd, campaigns, org_engagement):
        self.rnd, self.now = rnd, a.now
        self.campaigns = campaigns
        self.engagement = org_engagement
        self.horizon = a.now - 1800
        self.event_seq = self.attempt_seq = a.shard << 27
        self.out = None

    def worker(self, wid, org):
        rnd = self.rnd
        e = self.engagement[org]
        ability = rnd.betavariate(9, 1.6)
        channel = rnd.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
        clock, events, rows = 0, [], []
        for campaign in self.campaigns:
            clock = self.campaign(wid, campaign, e, ability, channel, clock, events, rows)
        if not events:
            return
        self.credit(events)
        credited = {}
        for ev in events:
            credited[ev.module.id] = credited.get(ev.module.id, 0) + ev.credited
        for ev in sorted(events, key=lambda ev: ev.event_id):
            self.out.add("progress_event", f"{wid}\t{ev.event_id}\t{ev.module.id}\t{ev.module.version}\t{ev.percent}\t"
                                           f"{ev.seconds}\t{ev.credited}\t{ev.occurred}\t{ev.received}\t{ev.channel}\n")
        for row in rows:
            self.out.add("module_progress", row.format(credited=credited[int(row.split("\t", 2)[1])]))
        self.out.add("worker_credit", f"{wid}\t{encode_spans(self.spans(events))}\n")

    def campaign(self, wid, c, e, ability, channel, clock, events, rows):
        """One campaign's reading and quizzes after the clock; returns the clock."""
        rnd = self.rnd
        r = rnd.random()
        p_none = 0.03 + 0.25 * (1 - e)
        p_all = 0.12 + 0.5 * e
        if r < p_none:
            return clock
        reads_all = r < p_none + p_all
        count = len(c.modules)
        n_full = count if reads_all else rnd.randint(0, count - 1)
        diligent = reads_all and rnd.random() < 0.05 + 0.2 * e
        quiz_chance = 1.0 if diligent else (0.03 if reads_all else 0.015)
        first_day = int(c.days * rnd.betavariate(1.1, 2.4))
        per_session = rnd.randint(1, 6)
        n_modules = n_full + (1 if n_full < count and rnd.random() < 0.7 else 0)
        if n_modules == 0:
            return clock
        sessions = sorted(rnd.randint(first_day, c.days - 1) for _ in range(-(-n_modules // per_session)))
        sessions[0] = first_day
        days = set()
        completed = []
        t = clock
        for i in range(n_modules):
            if i % per_session == 0:
                t = max(t + 600, self.session_start(c, sessions[i // per_session]))
            module = c.modules[i]
            first = len(events)
            read_until, reached_at, row = self.read(wid, module, i < n_full, t, channel, days, events)
            if read_until is None:
                break
            t = read_until
            claimed = sum(ev.seconds for ev in events[first:])
            done_at = reached_at if min(claimed, module.cap) >= module.minimum else None
            quiz = c.module_quiz.get(module.code)
            if quiz:
                passed_at = None
                if reached_at is not None and rnd.random() < quiz_chance:
                    t, passed_at = self.take(wid, quiz, t + rnd.randint(30, 600), ability)
                done_at = None if done_at is None or passed_at is None else passed_at
            row.append("\\N" if done_at is None else str(done_at))
            rows.append("\t".join(row) + "\n")
            if done_at is not None:
                completed.append(done_at)
            if t > self.horizon:
                break
        for day in sorted(days):
            self.out.add("worker_active_day", f"{wid}\t{c.id}\t{day}\n")
        if n_full == count and rnd.random() < (1.0 if diligent else 0.05) and t < self.horizon - 7200:
            t, passed_at = self.take(wid, c.final, t + rnd.randint(60, 3600), ability)
            if passed_at is not None and len(completed) == count:
                self.out.add("campaign_completion", f"{wid}\t{c.id}\t{max(passed_at, max(completed))}\n")
        return t

    def session_start(self, c, day):
        # Reading happens between 07:30 and 23:00 Shanghai time, most of it in the evening.
        local = int(27000 + 55800 * self.rnd.betavariate(2.2, 1.6))
        return c.day0 + day * 86400 + local

    def read(self, wid, module, full, t, channel, days, events):
        """A module's events (1-3, percent rising); returns the clock, when it reached 100 and its progress row."""
        rnd = self.rnd
        n = rnd.choices((1, 2, 3), (0.66, 0.27, 0.07))[0]
        final_percent = 100 if full else rnd.randint(5, 95)
        percents = sorted(rnd.randint(1, final_percent) for _ in range(n - 1)) + [final_percent]
        # A full read takes about the module's reading time in all; a partial one a few minutes.
        total_full = module.reading_seconds * rnd.uniform(0.25, 1.6)
        first = last = None
        reached = total = 0
        for percent in percents:
            seconds = max(20, min(3600, int(total_full / n))) if full else rnd.randint(10, 400)
            t += seconds
            if t > self.horizon:
                break
            delay = rnd.randint(1, 20) if rnd.random() < 0.9 else rnd.randint(600, 21600)
            received = min(t + delay, self.now)
            ch = channel if rnd.random() < 0.85 else rnd.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
            seq = self.event_seq
            self.event_seq += 1
            event_id = f"{seq:08x}-{module.id & 0xffff:04x}-4{percent:03x}-8{wid & 0xfff:03x}-{wid:012x}"
            events.append(Event(module, event_id, percent, seconds, t, received, ch))
            days.add(self.day_string((t + SHANGHAI) // 86400))
            first = t if first is None else first
            last, reached, total = t, percent, total + seconds
        if first is None:
            return None, None, None
        return t, (last if reached == 100 else None), [str(wid), str(module.id), str(reached), str(total),
                                                        "{credited}", str(first), str(last)]

    @staticmethod
    def credit(events):
        """progress/ReadingCredit for claims that never overlap: each event gets what its module may still take,
        in the order stored (received time, then end second and event id, as within one batch)."""
        room = {}
        for ev in sorted(events, key=lambda ev: (ev.received, ev.occurred, ev.event_id)):
            left = room.get(ev.module.id, ev.module.cap)
            ev.credited = min(ev.seconds, left)
            room[ev.module.id] = left - ev.credited

    @staticmethod
    def spans(events):
        """The credited seconds as disjoint spans in order, touching ones merged (the earliest of each claim)."""
        spans = []
        for start, end in sorted((ev.occurred - ev.seconds, ev.occurred - ev.seconds + ev.credited)
                                 for ev in events if ev.credited > 0):
            if spans and start < spans[-1][1]:
                raise AssertionError(f"overlapping claims at {start}")
            if spans and start == spans[-1][1]:
                spans[-1][1] = end
            else:
                spans.append([start, end])
        return spans

    _days = {}

    def day_string(self, epoch_day):
        s = self._days.get(epoch_day)
        if s is None:
            s = self._days[epoch_day] = (datetime.date(1970, 1, 1) + datetime.timedelta(days=epoch_day)).isoformat()
        return s

    def take(self, wid, quiz, t, ability):
        """Attempts a quiz until passed or out of attempts; returns the clock and the passing submit time."""
        rnd = self.rnd
        for attempt in range(quiz.max_attempts):
            if t > self.horizon:
                return t, None
            asked = rnd.sample(quiz.pool, min(quiz.count, len(quiz.pool)))
            seq = self.attempt_seq
            self.attempt_seq += 1
            attempt_id = f"{seq:08x}-{quiz.id & 0xffff:04x}-4{attempt:03x}-9{wid & 0xfff:03x}-{wid:012x}"
            correct = 0
            for position, q in enumerate(asked):
                right = rnd.random() < ability * (1 - q.difficulty) + 0.04 * attempt
                response, picked = q.right if right else rnd.choice(q.wrong)
                correct += right
                self.out.add("attempt_answer", f"{attempt_id}\t{position}\t{q.id}\t{q.version}\t{response}\t{picked}\t"
                                               f"{int(right)}\n")
            score = int(100 * correct / len(asked) + 0.5)
            passed = score >= quiz.pass_score
            duration = rnd.randint(min(60, quiz.time_limit - 30), quiz.time_limit - 30)
            submitted = min(t + duration, self.horizon)
            draw = "[" + ",".join(rnd.choice(q.draw_entries) for q in asked) + "]"
            self.out.add("quiz_attempt", f"{attempt_id}\t{quiz.id}\t{wid}\tSUBMITTED\t\\N\t"
                                         f"{self.day_string((t + SHANGHAI) // 86400)}\t{t}\t{t + quiz.time_limit}\t"
                                         f"{submitted}\t{score}\t{int(passed)}\t{draw}\t\\N\t\\N\t\\N\n")
            t = submitted
            if passed:
                return t, submitted
            t += rnd.randint(60, 3600)
        return t, None


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", required=True, help="directory with workers.tsv and orgs.tsv")
    p.add_argument("--campaign", action="append", required=True,
                   help="id:directory:days, the directory holding the campaign's modules/quizzes/questions .tsv, "
                        "days how long ago it opened; campaigns are studied in the order given")
    p.add_argument("--out", required=True)
    p.add_argument("--now", type=int, required=True, help="the database's UNIX_TIMESTAMP()")
    p.add_argument("--shard", type=int, default=0)
    p.add_argument("--shards", type=int, default=1)
    p.add_argument("--seed", type=int, default=20221024)
    a = p.parse_args()

    setup = random.Random(a.seed)
    today_start = (a.now + SHANGHAI) // 86400 * 86400 - SHANGHAI     # 00:00 Asia/Shanghai today, in UTC
    campaigns = [Campaign(spec, setup, today_start) for spec in a.campaign]
    # Engagement per union: its city's level (cities differ a lot) plus its own spread, within 0..1.
    city_level, engagement = {}, {}
    for org_id, path in read_tsv(os.path.join(a.input, "orgs.tsv")):
        parts = path.strip("/").split("/")
        city = parts[1] if len(parts) > 1 else parts[0]
        if city not in city_level:
            city_level[city] = setup.uniform(0.25, 0.8)
        engagement[int(org_id)] = min(1.0, max(0.0, city_level[city] + setup.gauss(0, 0.18)))
    workers = read_tsv(os.path.join(a.input, "workers.tsv"))
    lo, hi = len(workers) * a.shard // a.shards, len(workers) * (a.shard + 1) // a.shards

    sim = Simulator(a, random.Random(a.seed * 31 + a.shard), campaigns, engagement)
    sim.out = Writer(a.out, a.shard)
    for wid, org in workers[lo:hi]:
        sim.worker(int(wid), int(org))
    sim.out.close()
    print(" ".join(f"{name}={count}" for name, count in sim.out.counts.items()))


if __name__ == "__main__":
    main()
