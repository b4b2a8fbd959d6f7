package cn.qhzgh.study.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the counter rows of one range of org ids with what the source tables justify, and corrects the rows
 * that differ in JDBC batches. A range is small enough for its rows to sit in the heap. The caller's transaction
 * reads both sides from one consistent snapshot (InnoDB's REPEATABLE READ), and a correction adds
 * {@code expected - observed} of that snapshot to the row as it is now, never a value: an increment committed by a
 * live write after the snapshot is on top of the observed value and survives the repair.
 */
@ApplicationScoped
class CounterRepair {

    static final CounterTable OPTION_COUNTER = new CounterTable("org_option_count",
            List.of("org_id", "question_id", "option_key"), List.of("picks"), null);

    private static final String OPTION_KEYS = "ABCDEFGH";
    private static final int BATCH = 1000;

    private final EntityManager entityManager;

    CounterRepair(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Repairs one counter table for the orgs with ids in [fromOrg, toOrg]; returns how many rows differed. */
    long repair(CounterTable table, long fromOrg, long toOrg) {
        Map<List<Object>, long[]> expected = table == OPTION_COUNTER ? expectedPicks(fromOrg, toOrg)
                : load(table.expected(), fromOrg, toOrg, table.keys().size(), table.counters().size());
        String columns = String.join(", ", table.keys()) + ", " + String.join(", ", table.counters());
        Map<List<Object>, long[]> actual = load("SELECT " + columns + " FROM " + table.table()
                + " WHERE org_id BETWEEN ?1 AND ?2", fromOrg, toOrg, table.keys().size(), table.counters().size());
        List<Map.Entry<List<Object>, long[]>> corrections = new ArrayList<>();
        long drift = 0;
        for (Map.Entry<List<Object>, long[]> row : expected.entrySet()) {
            long[] stored = actual.remove(row.getKey());
            if (stored == null || !Arrays.equals(stored, row.getValue())) {
                drift++;
                corrections.add(Map.entry(row.getKey(), CounterCorrection.delta(row.getValue(), stored)));
            }
        }
        for (Map.Entry<List<Object>, long[]> leftover : actual.entrySet()) {
            if (Arrays.stream(leftover.getValue()).anyMatch(v -> v != 0)) {
                drift++;
                corrections.add(Map.entry(leftover.getKey(),
                        CounterCorrection.delta(new long[leftover.getValue().length], leftover.getValue())));
            }
        }
        corrections.sort(Map.Entry.comparingByKey(CounterRepair::compareKeys));
        List<List<Object>> unjustified = new ArrayList<>(actual.keySet());
        unjustified.sort(CounterRepair::compareKeys);
        write(table, corrections, unjustified);
        return drift;
    }

    /** Picks per option key, counted from picked_keys ("ACD") with one LIKE per possible key. */
    private Map<List<Object>, long[]> expectedPicks(long fromOrg, long toOrg) {
        StringBuilder sql = new StringBuilder("SELECT w.org_id, x.question_id");
        for (char key : OPTION_KEYS.toCharArray()) {
            sql.append(", SUM(CASE WHEN x.picked_keys LIKE '%").append(key).append("%' THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM worker w JOIN quiz_attempt a ON a.worker_id = w.id JOIN attempt_answer x ON x.attempt_id = a.id")
                .append(" WHERE w.org_id BETWEEN ?1 AND ?2 AND x.picked_keys IS NOT NULL GROUP BY w.org_id, x.question_id");
        Map<List<Object>, long[]> picks = new HashMap<>();
        for (Object[] row : rows(sql.toString(), fromOrg, toOrg)) {
            for (int k = 0; k < OPTION_KEYS.length(); k++) {
                long count = ((Number) row[2 + k]).longValue();
                if (count > 0) {
                    picks.put(List.of(key(row[0]), key(row[1]), String.valueOf(OPTION_KEYS.charAt(k))), new long[]{count});
                }
            }
        }
        return picks;
    }

    /**
     * Adds each correction to its row (inserting the row if it is missing), then deletes the rows no source
     * justifies if they are now all zero, a batch at a time.
     */
    private void write(CounterTable table, List<Map.Entry<List<Object>, long[]>> corrections,
                       List<List<Object>> unjustified) {
        if (corrections.isEmpty() && unjustified.isEmpty()) {
            return;
        }
        entityManager.flush();
        String placeholders = String.join(", ", Collections.nCopies(table.keys().size() + table.counters().size(), "?"));
        String upsert = "INSERT INTO " + table.table() + " (" + String.join(", ", table.keys()) + ", "
                + String.join(", ", table.counters()) + ") VALUES (" + placeholders + ") ON DUPLICATE KEY UPDATE "
                + String.join(", ", table.counters().stream().map(c -> c + " = " + c + " + VALUES(" + c + ")").toList());
        String deleteIfZero = "DELETE FROM " + table.table() + " WHERE "
                + String.join(" AND ", table.keys().stream().map(k -> k + " = ?").toList()) + " AND "
                + String.join(" AND ", table.counters().stream().map(c -> c + " = 0").toList());
        entityManager.unwrap(Session.class).doWork(connection -> {
            batch(connection, upsert, corrections.stream().map(e -> values(e.getKey(), e.getValue())).toList());
            batch(connection, deleteIfZero, unjustified.stream().map(key -> values(key, new long[0])).toList());
        });
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private static Object[] values(List<Object> key, long[] counters) {
        Object[] values = new Object[key.size() + counters.length];
        for (int i = 0; i < key.size(); i++) {
            values[i] = key.get(i) instanceof LocalDate day ? Date.valueOf(day) : key.get(i);
        }
        for (int i = 0; i < counters.length; i++) {
            values[key.size() + i] = counters[i];
        }
        return values;
    }

    private Map<List<Object>, long[]> load(String sql, long fromOrg, long toOrg, int keys, int counters) {
        Map<List<Object>, long[]> rows = new HashMap<>();
        for (Object[] row : rows(sql, fromOrg, toOrg)) {
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

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, long fromOrg, long toOrg) {
        return entityManager.createNativeQuery(sql).setParameter(1, fromOrg).setParameter(2, toOrg).getResultList();
    }

    /** Primary-key order, the order live writes lock rows in, so a repair beside live traffic cannot deadlock. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
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
