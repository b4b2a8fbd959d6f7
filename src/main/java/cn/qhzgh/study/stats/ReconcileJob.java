package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A reconciliation run as a client polls it: where it is, and the rows that differed so far, already repaired. */
public record ReconcileJob(
        @Schema(required = true, example = "5b0c7f0e-3c55-4d9b-9a4e-8f0a6a9d2c11")
        String id,
        @Schema(required = true, description = "FULL reads every worker's records (on demand and weekly); CHANGED, the nightly check "
                + "and the one a campaign change or a move of unions or workers starts, only the unions changed since "
                + "the last verified check",
                enumeration = {"FULL", "CHANGED"}, example = "FULL")
        String kind,
        @Schema(required = true, description = "RUNNING until the run ends; FAILED also when the pod running it stopped",
                enumeration = {"RUNNING", "SUCCEEDED", "FAILED"}, example = "RUNNING")
        String state,
        @Schema(required = true, description = "started; counters (the one pass over the sources, batch by batch of "
                + "unions: the workers' own rows and the unions' counters compared and repaired); done",
                enumeration = {"started", "counters", "done"}, example = "counters")
        String phase,
        @Schema(required = true, description = "Unions the current phase has covered: every union (FULL) or the changed ones "
                + "(CHANGED)", example = "2500")
        long rowsDone,
        @Schema(required = true, description = "Unions the current phase covers in all", example = "10093")
        long rowsEstimated,
        @Schema(required = true, description = "Rows that differed so far, over all tables", example = "0")
        long totalDrift,
        @Schema(required = true)
        List<ReconcileReport.TableDrift> tables,
        @Schema(required = true, example = "2022-11-20T18:30:00Z")
        Instant startedAt,
        @Schema(required = true, description = "When it ended; null while it runs", example = "2022-11-20T18:36:12Z", nullable = true,
                implementation = String.class, format = "date-time")
        Instant finishedAt,
        @Schema(required = true, description = "Why it failed; null unless FAILED", example = "the pod running it stopped before it ended",
                nullable = true)
        String failure) {
}
