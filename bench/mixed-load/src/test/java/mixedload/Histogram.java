package mixedload;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in 0.1 ms buckets up to 120 s (longer ones land in the last bucket); safe for concurrent recording. */
final class Histogram {

    private static final long BUCKET_NANOS = 100_000;
    private static final int BUCKETS = 1_200_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sumNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet((int) Math.min(BUCKETS - 1, value / BUCKET_NANOS));
        total.incrementAndGet();
        sumNanos.addAndGet(value);
        maxNanos.accumulateAndGet(value, Math::max);
    }

    long count() {
        return total.get();
    }

    double meanMillis() {
        long n = total.get();
        return n == 0 ? 0 : sumNanos.get() / 1e6 / n;
    }

    double maxMillis() {
        return maxNanos.get() / 1e6;
    }

    /** The nearest-rank percentile, as the upper edge of its 0.1 ms bucket (so never optimistic). */
    double percentileMillis(double percent) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min((i + 1) * BUCKET_NANOS, Math.max(maxNanos.get(), i * BUCKET_NANOS)) / 1e6;
            }
        }
        return maxMillis();
    }
}
