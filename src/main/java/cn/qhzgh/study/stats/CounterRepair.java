package cn.qhzgh.study.stats;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes the corrections of one counter table in JDBC batches, each batch in a short transaction of its own. A
 * correction adds {@code expected - stored} of the snapshot to the row as it is now, never a value: an increment
 * committed by a live write after the snapshot is on top of the stored value and survives the repair. Rows come in
 * primary-key order, one table at a time in {@link SharedCounter} lock order, as live writes lock them.
 */
@ApplicationScoped
class CounterRepair {

    private static final int BATCH = 1000;
    private static final int TIMEOUT_SECONDS = 120;

    private final EntityManager entityManager;

    CounterRepair(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds each correction to its row (inserting missing rows), then deletes unjustified rows that are now zero. */
    void write(CounterTable table, CounterComparison comparison) {
        String placeholders = String.join(", ", Collections.nCopies(table.keys().size() + table.counters().size(), "?"));
        String upsert = "INSERT INTO " + table.table() + " (" + String.join(", ", table.keys()) + ", "
                + String.join(", ", table.counters()) + ") VALUES (" + placeholders + ") ON DUPLICATE KEY UPDATE "
                + String.join(", ", table.counters().stream().map(c -> c + " = " + c + " + VALUES(" + c + ")").toList());
        String deleteIfZero = "DELETE FROM " + table.table() + " WHERE "
                + String.join(" AND ", table.keys().stream().map(k -> k + " = ?").toList()) + " AND "
                + String.join(" AND ", table.counters().stream().map(c -> c + " = 0").toList());
        List<Object[]> corrections = comparison.corrections().stream().map(e -> values(e.getKey(), e.getValue())).toList();
        List<Object[]> deletions = comparison.unjustified().stream().map(key -> values(key, new long[0])).toList();
        for (int from = 0; from < corrections.size(); from += BATCH) {
            inTransaction(upsert, corrections.subList(from, Math.min(corrections.size(), from + BATCH)));
        }
        for (int from = 0; from < deletions.size(); from += BATCH) {
            inTransaction(deleteIfZero, deletions.subList(from, Math.min(deletions.size(), from + BATCH)));
        }
    }

    private void inTransaction(String sql, List<Object[]> rows) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> entityManager.unwrap(Session.class)
                .doWork(connection -> batch(connection, sql, rows)));
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
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
}
