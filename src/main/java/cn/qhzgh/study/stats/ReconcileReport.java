package cn.qhzgh.study.stats;

import java.time.Instant;
import java.util.List;

/** What a reconciliation found: rows whose counters differed from the source tables, now repaired. */
public record ReconcileReport(Instant ranAt, long millis, long totalDrift, List<TableDrift> tables) {

    public record TableDrift(String table, long driftedRows) {
    }
}
