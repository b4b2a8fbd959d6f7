package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.IdList;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.OrgPathsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves the subtree totals with the orgs an import moves, in the import's transaction: every moved org's own
 * counter rows leave the totals of the ancestors it left and join those of the ancestors it joined. The own rows
 * are read with a locking read, which sees the latest committed counts and holds them until the import commits.
 */
@ApplicationScoped
class SubtreeMoves {

    private final EntityManager entityManager;
    private final CounterDeltas deltas;
    private final StatsCounters counters;

    SubtreeMoves(EntityManager entityManager, CounterDeltas deltas, StatsCounters counters) {
        this.entityManager = entityManager;
        this.deltas = deltas;
        this.counters = counters;
    }

    void onPathsChanged(@Observes OrgPathsChanged changed) {
        if (!counters.live()) {
            return;
        }
        Map<Long, OrgPathsChanged.PathChange> byOrg = changed.changes().stream()
                .collect(Collectors.toMap(OrgPathsChanged.PathChange::orgId, Function.identity()));
        String orgs = IdList.of(new TreeSet<>(byOrg.keySet()));
        for (SharedCounter totals : SharedCounter.values()) {
            if (totals.subtreeOf == null) {
                continue;
            }
            SharedCounter own = totals.subtreeOf;
            String columns = String.join(", ", own.keys) + ", " + String.join(", ", own.counters);
            List<OwnRow> rows = NativeRows.list(entityManager.createNativeQuery("SELECT " + columns + " FROM "
                    + own.table + " WHERE org_id IN (" + orgs + ") ORDER BY " + String.join(", ", own.keys)
                    + " FOR UPDATE"), r -> OwnRow.of(own, r));
            for (OwnRow row : rows) {
                OrgPathsChanged.PathChange change = byOrg.get(row.org());
                move(totals, row, CounterRules.orgsOnPath(change.oldPath()), CounterRules.orgsOnPath(change.newPath()));
            }
        }
        counters.flush();
    }

    /** A row of an org_* table: its org, the rest of its key, and its counters. */
    @SuppressWarnings("rawtypes")
    private record OwnRow(long org, List<Comparable> key, long[] values) {

        static OwnRow of(SharedCounter own, NativeRows.Row r) {
            List<Comparable> key = new ArrayList<>();
            for (int i = 1; i < own.keys.size(); i++) {
                key.add(r.keyAt(i));
            }
            long[] values = new long[own.counters.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.longAt(own.keys.size() + i);
            }
            return new OwnRow(r.longAt(0), key, values);
        }
    }

    /** Takes one own row out of the totals of the orgs no longer above it, and into those of the orgs now above it. */
    private void move(SharedCounter totals, OwnRow row, List<Long> before, List<Long> after) {
        Set<Long> left = new HashSet<>(before);
        after.forEach(left::remove);
        Set<Long> joined = new HashSet<>(after);
        before.forEach(joined::remove);
        left.forEach(org -> deltas.add(totals, withOrg(org, row.key()), negated(row.values())));
        joined.forEach(org -> deltas.add(totals, withOrg(org, row.key()), row.values()));
    }

    @SuppressWarnings("rawtypes")
    private static List<Comparable> withOrg(long org, List<Comparable> key) {
        List<Comparable> row = new ArrayList<>(key.size() + 1);
        row.add(org);
        row.addAll(key);
        return row;
    }

    private static long[] negated(long[] values) {
        long[] negated = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            negated[i] = -values[i];
        }
        return negated;
    }
}
