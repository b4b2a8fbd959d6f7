package mixedload;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Second by second of the run (by intended send time), what happened to the requests: enough to tell when the
 * service was back to normal after an overload, and whether revalidations were refused while statistics were shed.
 */
final class Timeline {

    /** A second is normal when at most 1 % of its admitted requests took longer than this (p99 ≤ 300 ms). */
    static final long NORMAL_NANOS = 300_000_000L;
    /** Issue #18's bound on a refusal. */
    static final long REFUSAL_NANOS = 50_000_000L;

    private final AtomicLongArray admitted;
    private final AtomicLongArray slow;
    private final AtomicLongArray refused;
    private final AtomicLongArray refusedRevalidations;
    private final AtomicLongArray refusedStats;
    private final AtomicLongArray refusedSlow;
    private final AtomicLongArray errors;

    Timeline(int seconds) {
        admitted = new AtomicLongArray(seconds);
        slow = new AtomicLongArray(seconds);
        refused = new AtomicLongArray(seconds);
        refusedRevalidations = new AtomicLongArray(seconds);
        refusedStats = new AtomicLongArray(seconds);
        refusedSlow = new AtomicLongArray(seconds);
        errors = new AtomicLongArray(seconds);
    }

    void admitted(int second, long latencyNanos, boolean ok) {
        if (inRange(second)) {
            admitted.incrementAndGet(second);
            if (latencyNanos > NORMAL_NANOS) {
                slow.incrementAndGet(second);
            }
            if (!ok) {
                errors.incrementAndGet(second);
            }
        }
    }

    void refused(int second, Recorder.Kind kind, long latencyNanos) {
        if (inRange(second)) {
            refused.incrementAndGet(second);
            if (latencyNanos > REFUSAL_NANOS) {
                refusedSlow.incrementAndGet(second);
            }
            if (kind == Recorder.Kind.MODULE_CONDITIONAL) {
                refusedRevalidations.incrementAndGet(second);
            } else if (kind.name().startsWith("STATS_")) {
                refusedStats.incrementAndGet(second);
            }
        }
    }

    /** Revalidations refused in a second in which statistics requests were refused too. */
    long revalidationsRefusedWhileStatsShed() {
        long n = 0;
        for (int s = 0; s < refused.length(); s++) {
            if (refusedStats.get(s) > 0) {
                n += refusedRevalidations.get(s);
            }
        }
        return n;
    }

    /** "second:count" for each second from {@code from} with refusals slower than 50 ms, seconds counted from it. */
    String slowRefusals(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int s = Math.max(0, from); s < Math.min(to, refusedSlow.length()); s++) {
            if (refusedSlow.get(s) > 0) {
                out.append(out.isEmpty() ? "" : " ").append(s - from).append(':').append(refusedSlow.get(s));
            }
        }
        return out.isEmpty() ? "none" : out.toString();
    }

    /**
     * Seconds from {@code from} until every later second up to {@code to} is normal: requests admitted, p99 within
     * {@link #NORMAL_NANOS}, nothing refused, no error. -1 if the last second is not normal.
     */
    int secondsToNormal(int from, int to) {
        int lastAbnormal = from - 1;
        for (int s = from; s < Math.min(to, admitted.length()); s++) {
            long n = admitted.get(s);
            if (n == 0 || slow.get(s) * 100 > n || refused.get(s) > 0 || errors.get(s) > 0) {
                lastAbnormal = s;
            }
        }
        return lastAbnormal == Math.min(to, admitted.length()) - 1 ? -1 : lastAbnormal + 1 - from;
    }

    private boolean inRange(int second) {
        return second >= 0 && second < admitted.length();
    }
}
