package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes every counter from the source tables, reports rows that drifted and repairs them. The counters are
 * kept in step transactionally, so drift should always be zero; this is the proof, nightly and on demand.
 */
@ApplicationScoped
public class StatsReconciler {

    private static final int TIMEOUT_SECONDS = 3600;
    private static final String OPTION_KEYS = "ABCDEFGH";

    private final EntityManager entityManager;
    private final WorkerCampaignReconciler workerCampaign;

    public StatsReconciler(EntityManager entityManager, WorkerCampaignReconciler workerCampaign) {
        this.entityManager = entityManager;
        this.workerCampaign = workerCampaign;
    }

    public ReconcileReport reconcile() {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
            Instant start = DbClock.now();
            List<ReconcileReport.TableDrift> drifts = new ArrayList<>();
            drifts.add(new ReconcileReport.TableDrift("worker_campaign", workerCampaign.reconcile()));
            for (CounterTable table : CounterTable.ORG_COUNTERS) {
                drifts.add(new ReconcileReport.TableDrift(table.table(), repair(table, load(table.expected(),
                        table.keys().size(), table.counters().size()))));
            }
            drifts.add(new ReconcileReport.TableDrift("org_option_count", repair(OPTION_COUNTER, expectedPicks())));
            long total = drifts.stream().mapToLong(ReconcileReport.TableDrift::driftedRows).sum();
            return new ReconcileReport(start, DbClock.now().toEpochMilli() - start.toEpochMilli(), total, drifts);
        });
    }

    private static final CounterTable OPTION_COUNTER = new CounterTable("org_option_count",
            List.of("org_id", "question_id", "option_key"), List.of("picks"), null);

    /** Picks per option key, counted from picked_keys ("ACD") with one LIKE per possible key. */
    private Map<List<Object>, long[]> expectedPicks() {
        StringBuilder sql = new StringBuilder("SELECT w.org_id, x.question_id");
        for (char key : OPTION_KEYS.toCharArray()) {
            sql.append(", SUM(CASE WHEN x.picked_keys LIKE '%").append(key).append("%' THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM attempt_answer x JOIN quiz_attempt a ON a.id = x.attempt_id JOIN worker w ON w.id = a.worker_id")
                .append(" WHERE x.picked_keys IS NOT NULL GROUP BY w.org_id, x.question_id");
        Map<List<Object>, long[]> picks = new HashMap<>();
        for (Object[] row : rows(sql.toString())) {
            for (int k = 0; k < OPTION_KEYS.length(); k++) {
                long count = ((Number) row[2 + k]).longValue();
                if (count > 0) {
                    picks.put(List.of(key(row[0]), key(row[1]), String.valueOf(OPTION_KEYS.charAt(k))), new long[]{count});
                }
            }
        }
        return picks;
    }

    /** Writes expected rows that differ, deletes rows the sources no longer justify; returns how many differed. */
    private long repair(CounterTable table, Map<List<Object>, long[]> expected) {
        String columns = String.join(", ", table.keys()) + ", " + String.join(", ", table.counters());
        Map<List<Object>, long[]> actual = load("SELECT " + columns + " FROM " + table.table(), table.keys().size(),
                table.counters().size());
        long drift = 0;
        for (Map.Entry<List<Object>, long[]> row : expected.entrySet()) {
            long[] stored = actual.remove(row.getKey());
            if (stored == null || !Arrays.equals(stored, row.getValue())) {
                drift++;
                upsert(table, row.getKey(), row.getValue());
            }
        }
        for (Map.Entry<List<Object>, long[]> leftover : actual.entrySet()) {
            if (Arrays.stream(leftover.getValue()).anyMatch(v -> v != 0)) {
                drift++;
            }
            delete(table, leftover.getKey());
        }
        return drift;
    }

    private void upsert(CounterTable table, List<Object> key, long[] counters) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(key.size() + counters.length, "?"));
        String updates = String.join(", ", table.counters().stream().map(c -> c + " = VALUES(" + c + ")").toList());
        Query query = entityManager.createNativeQuery("INSERT INTO " + table.table() + " ("
                + String.join(", ", table.keys()) + ", " + String.join(", ", table.counters()) + ") VALUES ("
                + placeholders + ") ON DUPLICATE KEY UPDATE " + updates);
        bind(query, key, counters);
        query.executeUpdate();
    }

    private void delete(CounterTable table, List<Object> key) {
        Query query = entityManager.createNativeQuery("DELETE FROM " + table.table() + " WHERE "
                + String.join(" AND ", table.keys().stream().map(k -> k + " = ?").toList()));
        bind(query, key, new long[0]);
        query.executeUpdate();
    }

    private static void bind(Query query, List<Object> key, long[] counters) {
        int p = 1;
        for (Object part : key) {
            query.setParameter(p++, part instanceof LocalDate day ? Date.valueOf(day) : part);
        }
        for (long counter : counters) {
            query.setParameter(p++, counter);
        }
    }

    private Map<List<Object>, long[]> load(String sql, int keys, int counters) {
        Map<List<Object>, long[]> rows = new HashMap<>();
        for (Object[] row : rows(sql)) {
            List<Object> key = new ArrayList<>(keys);
            for (int i = 0; i < keys; i++) {
                key.add(key(row[i]));
            }
            long[] values = new long[counters];
            for (int i = 0; i < counters; i++) {
                values[i] = row[keys + i] == null ? 0 : ((Number) row[keys + i]).longValue();
            }
            rows.put(key, values);
        }
        return rows;
    }

    private List<Object[]> rows(String sql) {
        return entityManager.createNativeQuery(sql).getResultList();
    }

    /** Keys compare equal whatever type the driver returned for them. */
    private static Object key(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        return value;
    }
}
