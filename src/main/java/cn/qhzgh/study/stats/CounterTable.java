package cn.qhzgh.study.stats;

import java.util.Arrays;
import java.util.List;

/**
 * A counter table the reconciliation recomputes: its key columns (org_id first) and counter columns, in the order
 * the recount fills them. {@link #ALL} is in the lock order of {@link SharedCounter}, org_worker_count last.
 */
record CounterTable(String table, List<String> keys, List<String> counters) {

    static final CounterTable WORKERS = new CounterTable("org_worker_count", List.of("org_id"), List.of("workers"));
    static final CounterTable CAMPAIGN = of(SharedCounter.CAMPAIGN);
    static final CounterTable QUESTION = of(SharedCounter.QUESTION);
    static final CounterTable OPTION = of(SharedCounter.OPTION);
    static final CounterTable DAY = of(SharedCounter.DAY);
    static final CounterTable CHANNEL = of(SharedCounter.CHANNEL);
    static final CounterTable MODULE = of(SharedCounter.MODULE);

    static final List<CounterTable> ALL = Arrays.asList(CAMPAIGN, QUESTION, OPTION, DAY, CHANNEL, MODULE, WORKERS)
            .stream().sorted(java.util.Comparator.comparingInt(t -> SharedCounter.lockRank(t.table()))).toList();

    private static CounterTable of(SharedCounter counter) {
        return new CounterTable(counter.table, counter.keys, counter.counters);
    }
}
