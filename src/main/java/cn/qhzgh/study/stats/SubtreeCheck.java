package cn.qhzgh.study.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.collections4.ListUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reconciliation's last phase: each org's subtree_* rows against the sums of the per-union rows over its
 * subtree, read in one snapshot taken after the per-union rows were repaired. Live writes change both in one
 * transaction, so in any snapshot they agree unless something went wrong; differences are repaired by delta.
 * Orgs are checked children first and each total is summed from the children's ({@link SubtreeSums}), so every
 * per-union row is read once however deep the tree; the subtrees of unchecked children are summed in the database.
 */
@ApplicationScoped
class SubtreeCheck {

    private static final int ORGS_PER_COMPARISON = 200;
    private static final int ORGS_PER_SUM = 1000;

    private final AgroalDataSource dataSource;
    private final CounterRepair repair;

    SubtreeCheck(AgroalDataSource dataSource, CounterRepair repair) {
        this.dataSource = dataSource;
        this.repair = repair;
    }

    /**
     * Every org, or (given the changed unions) those unions and every org above them; {@code afterBatch} runs after
     * each batch of orgs, with the drift so far in {@code drift}.
     */
    void check(Optional<List<Long>> changedUnions, Map<String, Long> drift, Runnable afterBatch) {
        try (SourceSnapshot snapshot = SourceSnapshot.open(dataSource)) {
            SubtreeOrder tree = new SubtreeOrder(snapshot.orgPaths());
            List<Long> orgs = tree.bottomUp(changedUnions);
            Set<Long> checked = new HashSet<>(orgs);
            Map<CounterTable.Subtree, SubtreeSums> sums = new HashMap<>();
            CounterTable.SUBTREES.forEach(subtree -> sums.put(subtree, new SubtreeSums()));
            for (List<Long> batch : ListUtils.partition(orgs, ORGS_PER_COMPARISON)) {
                Map<Long, List<Long>> unchecked = new HashMap<>();
                batch.forEach(org -> unchecked.put(org, tree.belowUnchecked(org, checked)));
                for (CounterTable.Subtree subtree : CounterTable.SUBTREES) {
                    Map<Long, Map<List<Object>, long[]>> own = byOrg(snapshot.stored(subtree.own(), batch));
                    Map<List<Object>, long[]> expected = new HashMap<>();
                    for (long org : batch) {
                        Map<List<Object>, long[]> totals = sums.get(subtree).close(org, tree.parent(org),
                                own.getOrDefault(org, Map.of()), summed(snapshot, subtree.own(), unchecked.get(org)));
                        totals.forEach((key, counters) -> expected.put(withOrg(org, key), counters));
                    }
                    CounterComparison comparison = CounterComparison.of(expected, snapshot.stored(subtree.totals(), batch));
                    if (!comparison.nothingToWrite()) {
                        repair.write(subtree.totals(), comparison);
                    }
                    drift.merge(subtree.totals().table(), comparison.drift(), Long::sum);
                }
                afterBatch.run();
            }
        }
    }

    /** The per-union rows of these orgs added up, in the database a thousand orgs at a time. */
    private static Map<List<Object>, long[]> summed(SourceSnapshot snapshot, CounterTable own, List<Long> orgs) {
        Map<List<Object>, long[]> total = new HashMap<>();
        ListUtils.partition(orgs, ORGS_PER_SUM).forEach(part -> SubtreeSums.add(total, snapshot.summed(own, part)));
        return total;
    }

    /** Rows keyed by org first, as {@link SourceSnapshot#stored} reads them, grouped per org with the org left out. */
    private static Map<Long, Map<List<Object>, long[]>> byOrg(Map<List<Object>, long[]> rows) {
        Map<Long, Map<List<Object>, long[]>> byOrg = new HashMap<>();
        rows.forEach((key, counters) -> byOrg.computeIfAbsent((Long) key.get(0), org -> new HashMap<>())
                .put(key.subList(1, key.size()), counters));
        return byOrg;
    }

    private static List<Object> withOrg(long org, List<Object> key) {
        List<Object> full = new ArrayList<>(key.size() + 1);
        full.add(org);
        full.addAll(key);
        return List.copyOf(full);
    }
}
