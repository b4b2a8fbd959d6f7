package cn.qhzgh.study.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule that decides how much of the reading time a phone claims is credited. An event claims the whole
 * seconds [occurredAt - secondsSpent, occurredAt). A worker's credited time is a set of seconds ({@link Span}s):
 * each second of wall-clock time is credited at most once, to one event of one module. An event is credited the
 * seconds of its claim that no earlier event holds, earliest first, but no more than its module may still be
 * credited. The events of one batch are credited in (end second, event id) order, batches in the order stored.
 * So a worker's credit never exceeds the measure of the union of their claims, nor any module its cap, whatever
 * the order or repetition of arrivals; a stored event is never credited again.
 */
final class ReadingCredit {

    /** Whole epoch seconds [start, end), start &lt; end. */
    record Span(long start, long end) {
        long length() {
            return end - start;
        }
    }

    /** What one event claims: {@code seconds} seconds ending at {@code endSecond}. */
    record Claim(String eventId, long moduleId, long endSecond, int seconds) {
        static final Comparator<Claim> ORDER = Comparator.comparingLong(Claim::endSecond).thenComparing(Claim::eventId);
    }

    /**
     * @param credited seconds credited per event id
     * @param spans    the worker's credited spans afterwards, within the window the caller passed in
     * @param changes  how the stored spans of that window change: starts to delete, spans to insert or extend
     */
    record Outcome(Map<String, Integer> credited, List<Span> spans, SpanChanges changes) {
    }

    /** Stored spans keyed by start: delete {@code removedStarts}, then upsert {@code upserts}. */
    record SpanChanges(List<Long> removedStarts, List<Span> upserts) {
        boolean isEmpty() {
            return removedStarts.isEmpty() && upserts.isEmpty();
        }
    }

    private ReadingCredit() {
    }

    /** The most a module can be credited: {@code multiple} times its reading time, in whole seconds. */
    static long moduleCapSeconds(int readingMinutes, double multiple) {
        return (long) Math.floor(readingMinutes * 60L * multiple);
    }

    /** The credited time completing a module needs: {@code fraction} of its reading time, rounded up. */
    static long completionMinimumSeconds(int readingMinutes, double fraction) {
        return (long) Math.ceil(readingMinutes * 60L * fraction);
    }

    /** The window of stored spans a batch of claims can touch or merge with: [earliest start, latest end]. */
    static Span window(List<Claim> claims) {
        long from = claims.stream().mapToLong(c -> c.endSecond() - c.seconds()).min().orElseThrow();
        long to = claims.stream().mapToLong(Claim::endSecond).max().orElseThrow();
        return new Span(from, to);
    }

    /**
     * Credits a batch of claims.
     *
     * @param credited     the worker's credited spans, at least all those within or touching {@link #window}
     * @param roomByModule how many more seconds each claimed module may be credited (its cap minus its credit)
     */
    static Outcome credit(List<Span> credited, Map<Long, Long> roomByModule, List<Claim> claims) {
        TreeMap<Long, Long> spans = new TreeMap<>();
        credited.forEach(s -> spans.put(s.start(), s.end()));
        Map<Long, Long> room = new HashMap<>(roomByModule);
        Map<String, Integer> byEvent = new HashMap<>();
        claims.stream().sorted(Claim.ORDER).forEach(claim -> {
            long left = Math.max(0, room.getOrDefault(claim.moduleId(), 0L));
            int taken = 0;
            for (Span gap : gaps(spans, claim.endSecond() - claim.seconds(), claim.endSecond())) {
                long take = Math.min(left - taken, gap.length());
                if (take <= 0) {
                    break;
                }
                add(spans, gap.start(), gap.start() + take);
                taken += (int) take;
            }
            room.put(claim.moduleId(), left - taken);
            byEvent.put(claim.eventId(), taken);
        });
        List<Span> after = spans.entrySet().stream().map(e -> new Span(e.getKey(), e.getValue())).toList();
        return new Outcome(byEvent, after, changes(credited, after));
    }

    /** The seconds of [from, to) that no span holds, in order. */
    private static List<Span> gaps(TreeMap<Long, Long> spans, long from, long to) {
        List<Span> gaps = new ArrayList<>();
        long at = from;
        Map.Entry<Long, Long> before = spans.floorEntry(from);
        if (before != null && before.getValue() > at) {
            at = before.getValue();
        }
        for (Map.Entry<Long, Long> span : spans.subMap(from, false, to, false).entrySet()) {
            if (span.getKey() > at) {
                gaps.add(new Span(at, span.getKey()));
            }
            at = Math.max(at, span.getValue());
        }
        if (at < to) {
            gaps.add(new Span(at, to));
        }
        return gaps;
    }

    /** Adds free seconds [start, end), merging with spans it touches so that spans stay disjoint and apart. */
    private static void add(TreeMap<Long, Long> spans, long start, long end) {
        Map.Entry<Long, Long> before = spans.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            spans.remove(before.getKey());
        }
        Long next = spans.get(end);
        if (next != null) {
            spans.remove(end);
            end = next;
        }
        spans.put(start, end);
    }

    private static SpanChanges changes(List<Span> before, List<Span> after) {
        Set<Span> unchanged = new HashSet<>(before);
        Set<Long> afterStarts = new HashSet<>();
        after.forEach(s -> afterStarts.add(s.start()));
        List<Long> removed = before.stream().map(Span::start).filter(start -> !afterStarts.contains(start)).sorted().toList();
        List<Span> upserts = after.stream().filter(s -> !unchanged.contains(s)).toList();
        return new SpanChanges(removed, upserts);
    }
}
