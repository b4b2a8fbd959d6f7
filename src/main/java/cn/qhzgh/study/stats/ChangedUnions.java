package cn.qhzgh.study.stats;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the nightly check recounts: the unions with a counter row a live write changed since the mark, in id order.
 * Only those with a changed row counted from answers ({@link CounterTable#FROM_ANSWERS}) have their answers read
 * and those counters compared; the others' answer counters were verified at the mark and no live write has touched
 * them since. Subtree totals are checked above the unions with changed answer counters and the orgs whose totals
 * changed. Pure.
 */
record ChangedUnions(List<Long> unions, Set<Long> withAnswers, Set<Long> changedSubtrees) {

    ChangedUnions {
        unions = List.copyOf(new TreeSet<>(unions));
        withAnswers = Set.copyOf(withAnswers);
        changedSubtrees = Set.copyOf(changedSubtrees);
    }

    /** The changed unions whose answer counters changed too, in id order: recounted with their answers. */
    List<Long> recountedWithAnswers() {
        return unions.stream().filter(withAnswers::contains).toList();
    }

    /** The changed unions whose answer counters did not, in id order: recounted without reading answers. */
    List<Long> recountedWithoutAnswers() {
        return unions.stream().filter(union -> !withAnswers.contains(union)).toList();
    }

    /** The orgs the subtree check starts from (it adds every org above them), in id order. */
    List<Long> subtreeScope() {
        TreeSet<Long> orgs = new TreeSet<>(withAnswers);
        orgs.addAll(changedSubtrees);
        return List.copyOf(orgs);
    }
}
