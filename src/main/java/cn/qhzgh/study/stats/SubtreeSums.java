package cn.qhzgh.study.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One subtree table's expected rows, summed bottom-up: an org's totals are its own per-union rows, plus the totals of
 * its checked children (closed before it), plus whatever its unchecked children's subtrees sum to. Keys leave out
 * the org. Each per-union row is thus added once, not once per ancestor. Pure.
 */
final class SubtreeSums {

    /** The closed children's totals, added up per parent still to be closed. */
    private final Map<Long, Map<List<Object>, long[]>> ofClosedChildren = new HashMap<>();

    /**
     * Closes {@code org}, whose checked children are all closed: returns its totals without rows that add up to
     * nothing (a stored row of zeros means none) and adds them to its parent's.
     */
    Map<List<Object>, long[]> close(long org, Optional<Long> parent, Map<List<Object>, long[]> own,
                                    Map<List<Object>, long[]> uncheckedChildren) {
        Map<List<Object>, long[]> totals = ofClosedChildren.remove(org);
        if (totals == null) {
            totals = new HashMap<>();
        }
        add(totals, own);
        add(totals, uncheckedChildren);
        totals.values().removeIf(counters -> Arrays.stream(counters).allMatch(v -> v == 0));
        Map<List<Object>, long[]> closed = totals;
        parent.ifPresent(p -> add(ofClosedChildren.computeIfAbsent(p, k -> new HashMap<>()), closed));
        return closed;
    }

    /** Adds {@code rows} into {@code into}, copying: the totals handed out must not change as parents add up. */
    static void add(Map<List<Object>, long[]> into, Map<List<Object>, long[]> rows) {
        rows.forEach((key, counters) -> into.merge(key, counters.clone(), (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        }));
    }
}
