package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OrgImportResult(
        @Schema(required = true, example = "false")
        boolean dryRun,
        @Schema(required = true, example = "54")
        int rows,
        @Schema(required = true, example = "52")
        int created,
        @Schema(required = true, example = "2")
        int updated,
        @Schema(required = true, example = "0")
        int unchanged) {

    /** The outcome as the audit log states it to an admin. */
    String auditDetail() {
        return rows + " row(s): " + created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }
}
