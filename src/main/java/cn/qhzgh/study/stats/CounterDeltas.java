package cn.qhzgh.study.stats;

import jakarta.transaction.TransactionScoped;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one transaction adds to the shared union counters, collected while it runs and written once at its end:
 * tables in {@link SharedCounter} order, rows in key order, each row once however often it was touched.
 */
@TransactionScoped
public class CounterDeltas implements Serializable {

    /** One upsert: its table and its rows (key values then counter deltas), in the order they must be locked. */
    record Upsert(SharedCounter counter, List<List<Object>> rows) {
    }

    /** Keys compare column by column; a column holds one type (Long, String or LocalDate) in every row. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Comparable>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    @SuppressWarnings("rawtypes")
    private final Map<SharedCounter, TreeMap<List<Comparable>, long[]>> pending = new EnumMap<>(SharedCounter.class);

    /** Adds {@code deltas} (one per counter column) to the row {@code key} (one value per key column). */
    @SuppressWarnings("rawtypes")
    void add(SharedCounter counter, List<Comparable> key, long... deltas) {
        if (key.size() != counter.keys.size() || deltas.length != counter.counters.size()) {
            throw new IllegalArgumentException(counter.table + " takes " + counter.keys.size() + " key and "
                    + counter.counters.size() + " counter values");
        }
        long[] sums = pending.computeIfAbsent(counter, c -> new TreeMap<>(KEY_ORDER))
                .computeIfAbsent(List.copyOf(key), k -> new long[deltas.length]);
        for (int i = 0; i < deltas.length; i++) {
            sums[i] += deltas[i];
        }
    }

    /** The upserts still to write, in lock order, and forgets them. */
    @SuppressWarnings("rawtypes")
    List<Upsert> drain() {
        List<Upsert> upserts = new ArrayList<>();
        for (SharedCounter counter : SharedCounter.values()) {
            TreeMap<List<Comparable>, long[]> rows = pending.remove(counter);
            if (rows == null) {
                continue;
            }
            List<List<Object>> values = new ArrayList<>();
            rows.forEach((key, sums) -> {
                List<Object> row = new ArrayList<>(key);
                for (long sum : sums) {
                    row.add(sum);
                }
                values.add(row);
            });
            upserts.add(new Upsert(counter, values));
        }
        return upserts;
    }
}
