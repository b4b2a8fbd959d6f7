package cn.qhzgh.study.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of expected and stored rows of one counter table, both read from one snapshot: a correction
 * (expected - stored, {@link CounterCorrection}) per row that differs, and the stored rows nothing justifies,
 * which are deleted once they are zero. Corrections and deletions come in primary-key order, the lock order.
 */
record CounterComparison(long drift, List<Map.Entry<List<Object>, long[]>> corrections, List<List<Object>> unjustified) {

    static CounterComparison of(Map<List<Object>, long[]> expected, Map<List<Object>, long[]> stored) {
        Map<List<Object>, long[]> unmatched = new HashMap<>(stored);
        List<Map.Entry<List<Object>, long[]>> corrections = new ArrayList<>();
        long drift = 0;
        for (Map.Entry<List<Object>, long[]> row : expected.entrySet()) {
            long[] observed = unmatched.remove(row.getKey());
            if (observed == null || !Arrays.equals(observed, row.getValue())) {
                drift++;
                corrections.add(Map.entry(row.getKey(), CounterCorrection.delta(row.getValue(), observed)));
            }
        }
        for (Map.Entry<List<Object>, long[]> leftover : unmatched.entrySet()) {
            if (Arrays.stream(leftover.getValue()).anyMatch(v -> v != 0)) {
                drift++;
                corrections.add(Map.entry(leftover.getKey(),
                        CounterCorrection.delta(new long[leftover.getValue().length], leftover.getValue())));
            }
        }
        corrections.sort(Map.Entry.comparingByKey(CounterComparison::compareKeys));
        List<List<Object>> unjustified = new ArrayList<>(unmatched.keySet());
        unjustified.sort(CounterComparison::compareKeys);
        return new CounterComparison(drift, corrections, unjustified);
    }

    boolean nothingToWrite() {
        return corrections.isEmpty() && unjustified.isEmpty();
    }

    /** Primary-key order, the order live writes lock rows in, so a repair beside live traffic cannot deadlock. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
