package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.IdList;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.collections4.ListUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The reconciliation's last phase: each org's subtree_* rows against the sums of the per-union rows over its
 * subtree, read in one snapshot taken after the per-union rows were repaired. Live writes change both in one
 * transaction, so in any snapshot they agree unless something went wrong; differences are repaired by delta.
 */
@ApplicationScoped
class SubtreeCheck {

    private static final int ORGS_PER_COMPARISON = 200;

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
            Map<Long, String> paths = snapshot.orgPaths();
            List<Long> orgs = changedUnions.map(unions -> orgsAbove(unions, paths))
                    .orElseGet(() -> paths.keySet().stream().sorted().toList());
            for (List<Long> batch : ListUtils.partition(orgs, ORGS_PER_COMPARISON)) {
                for (CounterTable.Subtree subtree : CounterTable.SUBTREES) {
                    CounterComparison comparison = CounterComparison.of(sums(snapshot, subtree, batch),
                            snapshot.stored(subtree.totals(), batch));
                    if (!comparison.nothingToWrite()) {
                        repair.write(subtree.totals(), comparison);
                    }
                    drift.merge(subtree.totals().table(), comparison.drift(), Long::sum);
                }
                afterBatch.run();
            }
        }
    }

    private static List<Long> orgsAbove(List<Long> unions, Map<Long, String> paths) {
        TreeSet<Long> orgs = new TreeSet<>();
        unions.stream().map(paths::get).filter(path -> path != null)
                .forEach(path -> orgs.addAll(CounterRules.orgsOnPath(path)));
        return List.copyOf(orgs);
    }

    /**
     * What the subtree table should hold for these orgs: the per-union rows added up over each org's subtree. Rows
     * that add up to nothing are left out, as a stored row of zeros means none.
     */
    private static Map<List<Object>, long[]> sums(SourceSnapshot snapshot, CounterTable.Subtree subtree,
                                                  List<Long> orgs) {
        CounterTable own = subtree.own();
        String keys = String.join(", ", own.keys().subList(1, own.keys().size()).stream().map(k -> "c." + k).toList());
        String sums = String.join(", ", own.counters().stream().map(c -> "SUM(c." + c + ")").toList());
        String sql = "SELECT a.id, " + keys + ", " + sums + " FROM organization a JOIN organization o "
                + "ON o.path LIKE CONCAT(a.path, '%') JOIN " + own.table() + " c ON c.org_id = o.id WHERE a.id IN ("
                + IdList.of(orgs) + ")" + snapshot.scope(own, "c.")
                + " GROUP BY a.id, " + keys;
        int keyCount = own.keys().size();
        Map<List<Object>, long[]> rows = new HashMap<>();
        snapshot.query(sql, rs -> {
            List<Object> key = new ArrayList<>(keyCount);
            for (int i = 1; i <= keyCount; i++) {
                Object value = rs.getObject(i);
                key.add(value instanceof Number n ? n.longValue() : value);
            }
            long[] counters = new long[own.counters().size()];
            boolean any = false;
            for (int i = 0; i < counters.length; i++) {
                counters[i] = rs.getLong(keyCount + 1 + i);
                any |= counters[i] != 0;
            }
            if (any) {
                rows.put(List.copyOf(key), counters);
            }
        });
        return rows;
    }
}
