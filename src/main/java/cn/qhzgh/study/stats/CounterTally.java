package cn.qhzgh.study.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected counter rows of the unions whose workers the recount has read so far, summed row by row. A union's
 * rows are taken out as soon as its last worker has been read, so the heap holds only the unions still open.
 * Keys are Long ids, String channels and option keys, and LocalDate days, org_id first.
 */
final class CounterTally {

    private final Map<Long, Map<CounterTable, Map<List<Object>, long[]>>> byOrg = new HashMap<>();
    private final Set<Long> excluded = new HashSet<>();
    private long rows;

    /** Adds {@code values} (one per counter column of the table) to the row {@code key} (org_id first). */
    void add(CounterTable table, List<Object> key, long... values) {
        if (key.size() != table.keys().size() || values.length != table.counters().size()) {
            throw new IllegalArgumentException(table.table() + " takes " + table.keys().size() + " key and "
                    + table.counters().size() + " counter values");
        }
        if (!(key.get(0) instanceof Long org)) {
            throw new IllegalArgumentException("the first key of " + table.table() + " is the org id");
        }
        if (excluded.contains(org)) {
            return;
        }
        long[] sums = byOrg.computeIfAbsent(org, o -> new HashMap<>()).computeIfAbsent(table, t -> new HashMap<>())
                .computeIfAbsent(List.copyOf(key), k -> {
                    rows++;
                    return new long[values.length];
                });
        for (int i = 0; i < values.length; i++) {
            sums[i] = Math.addExact(sums[i], values[i]);
        }
    }

    /** The expected rows of one table for these unions (none for a union without rows), without taking them out. */
    Map<List<Object>, long[]> rows(CounterTable table, Collection<Long> orgs) {
        Map<List<Object>, long[]> found = new HashMap<>();
        for (Long org : orgs) {
            Map<CounterTable, Map<List<Object>, long[]>> tables = byOrg.get(org);
            if (tables != null && tables.containsKey(table)) {
                found.putAll(tables.get(table));
            }
        }
        return found;
    }

    /** Forgets these unions, once their rows have been compared. */
    void remove(Collection<Long> orgs) {
        for (Long org : orgs) {
            Map<CounterTable, Map<List<Object>, long[]>> tables = byOrg.remove(org);
            if (tables != null) {
                tables.values().forEach(r -> rows -= r.size());
            }
        }
    }

    /** Forgets these unions and ignores what is added to them from now on: they are recounted on their own. */
    void exclude(Collection<Long> orgs) {
        remove(orgs);
        excluded.addAll(orgs);
    }

    /** Expected rows held, over all tables and unions: what the heap holds. */
    long rows() {
        return rows;
    }

    /** The unions that have rows held. */
    List<Long> orgs() {
        return new ArrayList<>(byOrg.keySet());
    }
}
