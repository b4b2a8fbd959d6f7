package cn.qhzgh.study.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
public final class ReadingCredit {

    /** The most spans a worker keeps: 45 separate reading sessions a day for 90 days, far beyond a person's. */
    static final int MAX_SPANS = 4096;

    /** Whole epoch seconds [start, end), start &lt; end. */
    public record Span(long start, long end) {
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
     * @param spans    the worker's credited spans afterwards
     */
    record Outcome(Map<String, Integer> credited, List<Span> spans) {
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

    /** The earliest second an event accepted at {@code now} can claim (EventValidator's limits). */
    public static long earliestClaimableSecond(Instant now) {
        return now.minus(EventValidator.MAX_PAST).getEpochSecond() - EventValidator.MAX_SECONDS_SPENT;
    }

    /** The spans that end after {@code cutoff}: no claim that may still be accepted reaches the others. */
    static List<Span> endingAfter(List<Span> spans, long cutoff) {
        return spans.stream().filter(s -> s.end() > cutoff).toList();
    }

    /**
     * Credits a batch of claims. A batch that would leave the worker more than {@link #MAX_SPANS} spans is credited
     * nothing, so what a worker's credit is stored in stays small.
     *
     * @param credited     the worker's credited spans
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
        if (spans.size() > MAX_SPANS && spans.size() > credited.size()) {
            Map<String, Integer> none = new HashMap<>();
            claims.forEach(claim -> none.put(claim.eventId(), 0));
            return new Outcome(none, credited);
        }
        List<Span> after = spans.entrySet().stream().map(e -> new Span(e.getKey(), e.getValue())).toList();
        return new Outcome(byEvent, after);
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
}
