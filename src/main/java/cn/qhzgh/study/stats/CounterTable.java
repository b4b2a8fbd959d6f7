package cn.qhzgh.study.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A counter table the reconciliation recomputes: its key columns (org_id first) and counter columns, in the order
 * the recount fills them. {@link #ALL}, the per-union tables recounted from the sources, is in the lock order of
 * {@link SharedCounter}, org_worker_count last; {@link #SUBTREES} are checked against the per-union tables they sum.
 */
record CounterTable(String table, List<String> keys, List<String> counters) {

    /** A subtree_* table and the org_* table whose rows it sums over each org's subtree. */
    record Subtree(CounterTable own, CounterTable totals) {
    }

    static final CounterTable WORKERS = new CounterTable("org_worker_count", List.of("org_id"), List.of("workers"));
    static final CounterTable CAMPAIGN = of(SharedCounter.CAMPAIGN);
    static final CounterTable QUESTION = of(SharedCounter.QUESTION);
    static final CounterTable OPTION = of(SharedCounter.OPTION);
    static final CounterTable ITEM = of(SharedCounter.ITEM);
    static final CounterTable POSITION = of(SharedCounter.POSITION);
    static final CounterTable DAY = of(SharedCounter.DAY);
    static final CounterTable CHANNEL = of(SharedCounter.CHANNEL);
    static final CounterTable MODULE = of(SharedCounter.MODULE);

    static final List<CounterTable> ALL = Arrays.asList(CAMPAIGN, QUESTION, OPTION, ITEM, POSITION, DAY, CHANNEL, MODULE,
            WORKERS).stream().sorted(Comparator.comparingInt(t -> SharedCounter.lockRank(t.table()))).toList();

    /** The tables counted from quiz answers, the only ones with subtree totals: a check may leave them out. */
    static final List<CounterTable> FROM_ANSWERS = List.of(QUESTION, OPTION, ITEM, POSITION);

    static final List<Subtree> SUBTREES = Arrays.stream(SharedCounter.values()).filter(c -> c.subtreeOf != null)
            .map(c -> new Subtree(of(c.subtreeOf), of(c))).toList();

    private static CounterTable of(SharedCounter counter) {
        return new CounterTable(counter.table, counter.keys, counter.counters);
    }

    /** The tables a recount compares: every one, or all but those counted from answers when it read none. */
    static List<CounterTable> compared(boolean answersRead) {
        return answersRead ? ALL : ALL.stream().filter(table -> !FROM_ANSWERS.contains(table)).toList();
    }

    /** Rows of FINAL exams: kept per quiz, and reconciled only for the FINALs of published campaigns. */
    boolean perFinal() {
        return keys.contains("quiz_id");
    }
}
