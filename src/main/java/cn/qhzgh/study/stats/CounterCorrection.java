package cn.qhzgh.study.stats;

/** The arithmetic of a counter repair: what to add to a row so that its snapshot value becomes the expected one. */
final class CounterCorrection {

    private CounterCorrection() {
    }

    /**
     * {@code expected - observed}, column by column; a row missing from the snapshot ({@code observed} null) counts
     * as all zeros. Adding this to the row as it is now keeps whatever live writes added after the snapshot.
     */
    static long[] delta(long[] expected, long[] observed) {
        if (observed != null && observed.length != expected.length) {
            throw new IllegalArgumentException("expected " + expected.length + " counters, observed " + observed.length);
        }
        long[] delta = new long[expected.length];
        for (int i = 0; i < expected.length; i++) {
            delta[i] = Math.subtractExact(expected[i], observed == null ? 0 : observed[i]);
        }
        return delta;
    }
}
