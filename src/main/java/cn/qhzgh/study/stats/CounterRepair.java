package cn.qhzgh.study.stats;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.collections4.ListUtils;

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

    private final CounterBatchWriter writer;

    CounterRepair(CounterBatchWriter writer) {
        this.writer = writer;
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
        List<CounterBatchWriter.CounterRow> corrections = comparison.corrections().stream()
                .map(e -> new CounterBatchWriter.CounterRow(e.getKey(), e.getValue())).toList();
        List<CounterBatchWriter.CounterRow> deletions = comparison.unjustified().stream()
                .map(key -> new CounterBatchWriter.CounterRow(key, new long[0])).toList();
        ListUtils.partition(corrections, BATCH).forEach(batch -> writer.write(upsert, batch));
        ListUtils.partition(deletions, BATCH).forEach(batch -> writer.write(deleteIfZero, batch));
    }
}
