package cn.qhzgh.study.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A worker's completion record for the campaign notice. */
public record RecordsView(
        @Schema(example = "qh-w-000128")
        String externalId,
        @Schema(example = "1")
        long noticeId,
        @Schema(example = "青总发〔2022〕24号")
        String docNumber,
        List<ModuleRecord> modules,
        @Schema(example = "12")
        int completedModules,
        @Schema(example = "19")
        int totalModules,
        @Schema(example = "false")
        boolean campaignCompleted,
        @Schema(example = "2022-11-20T01:30:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant campaignCompletedAt) {
}
