package mixedload;

import org.HdrHistogram.AtomicHistogram;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Latencies from 1 µs to 120 s at three significant digits (longer ones count as 120 s); safe for concurrent
 * recording. Percentiles and counts over a bound are read at a value's bucket edge that never flatters the service.
 */
final class Histogram {

    private static final long HIGHEST_NANOS = 120_000_000_000L;

    private final AtomicHistogram values = new AtomicHistogram(1_000, HIGHEST_NANOS, 3);
    private final AtomicLong sumNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    void record(long nanos) {
        long value = Math.max(0, nanos);
        values.recordValue(Math.min(HIGHEST_NANOS, value));
        sumNanos.addAndGet(value);
        maxNanos.accumulateAndGet(value, Math::max);
    }

    long count() {
        return values.getTotalCount();
    }

    /** How many recorded values may exceed {@code millis}: a bucket that straddles the bound counts as over. */
    long countOver(double millis) {
        long bound = (long) (millis * 1e6);
        return count() - values.getCountBetweenValues(0, values.lowestEquivalentValue(bound) - 1);
    }

    double meanMillis() {
        long n = count();
        return n == 0 ? 0 : sumNanos.get() / 1e6 / n;
    }

    double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    /** The nearest-rank percentile: HdrHistogram reads its bucket's upper edge; never above the largest value. */
    double percentileMillis(double percent) {
        if (count() == 0) {
            return 0;
        }
        return Math.min(values.getValueAtPercentile(percent), maxNanos.get()) / 1e6;
    }
}
