package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DirectSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.commons.collections4.ListUtils;

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
        List<CounterRow> corrections = comparison.corrections().stream()
                .map(e -> new CounterRow(e.getKey(), e.getValue())).toList();
        List<CounterRow> deletions = comparison.unjustified().stream().map(key -> new CounterRow(key, new long[0])).toList();
        ListUtils.partition(corrections, BATCH).forEach(batch -> inTransaction(upsert, batch));
        ListUtils.partition(deletions, BATCH).forEach(batch -> inTransaction(deleteIfZero, batch));
    }

    /** A counter row's key values, then the counters to add (none for a delete). */
    private record CounterRow(List<Object> key, long[] counters) {

        void bind(PreparedStatement statement) throws SQLException {
            int p = 1;
            for (Object value : key) {
                statement.setObject(p++, value instanceof LocalDate day ? Date.valueOf(day) : value);
            }
            for (long counter : counters) {
                statement.setLong(p++, counter);
            }
        }
    }

    private void inTransaction(String sql, List<CounterRow> rows) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> DirectSql.batch(entityManager, sql, rows,
                BATCH, (statement, row) -> row.bind(statement)));
    }
}
