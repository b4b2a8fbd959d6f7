package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What a reconciliation found: rows whose counters differed from the source tables, now repaired. */
public record ReconcileReport(
        @Schema(example = "2022-11-20T18:30:00Z")
        Instant ranAt,
        @Schema(example = "5321")
        long millis,
        @Schema(example = "0")
        long totalDrift,
        List<TableDrift> tables) {

    public record TableDrift(
            @Schema(required = true, example = "org_campaign_count")
            String table,
            @Schema(required = true, example = "0")
            long driftedRows) {
    }
}
