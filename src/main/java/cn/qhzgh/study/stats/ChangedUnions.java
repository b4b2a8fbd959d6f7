package cn.qhzgh.study.stats;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the nightly check recounts: the unions with a counter row a live write changed since the mark, in id order.
 * Only those with a changed row counted from answers ({@link CounterTable#FROM_ANSWERS}) have their answers read,
 * those counters compared and the subtree totals above them checked: the others' were verified at the mark, and
 * live writes change a union's counters of answers and the totals above it in one transaction. Pure.
 */
record ChangedUnions(List<Long> unions, Set<Long> withAnswers) {

    ChangedUnions {
        unions = List.copyOf(new TreeSet<>(unions));
        withAnswers = Set.copyOf(withAnswers);
    }

    /** The changed unions whose answer counters changed too, in id order: recounted with their answers. */
    List<Long> recountedWithAnswers() {
        return unions.stream().filter(withAnswers::contains).toList();
    }

    /** The changed unions whose answer counters did not, in id order: recounted without reading answers. */
    List<Long> recountedWithoutAnswers() {
        return unions.stream().filter(union -> !withAnswers.contains(union)).toList();
    }
}
