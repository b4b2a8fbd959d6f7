package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OrgImportResult(
        @Schema(example = "false")
        boolean dryRun,
        @Schema(example = "54")
        int rows,
        @Schema(example = "52")
        int created,
        @Schema(example = "2")
        int updated,
        @Schema(example = "0")
        int unchanged) {
}
