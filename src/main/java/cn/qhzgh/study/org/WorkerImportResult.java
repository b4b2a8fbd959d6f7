package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WorkerImportResult(
        @Schema(required = true, example = "true")
        boolean dryRun,
        @Schema(required = true, example = "12000")
        long rows,
        @Schema(required = true, example = "11800")
        long created,
        @Schema(required = true, example = "150")
        long updated,
        @Schema(required = true, example = "50")
        long unchanged) {

    /** The outcome as the audit log states it to an admin. */
    String auditDetail() {
        return rows + " row(s): " + created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }
}
