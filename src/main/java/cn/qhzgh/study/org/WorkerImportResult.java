package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WorkerImportResult(
        @Schema(example = "true")
        boolean dryRun,
        @Schema(example = "12000")
        long rows,
        @Schema(example = "11800")
        long created,
        @Schema(example = "150")
        long updated,
        @Schema(example = "50")
        long unchanged) {
}
