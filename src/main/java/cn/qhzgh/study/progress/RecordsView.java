package cn.qhzgh.study.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A worker's completion record for the campaign notice. */
public record RecordsView(
        @Schema(required = true, example = "qh-w-000128")
        String externalId,
        @Schema(required = true, example = "1")
        long noticeId,
        @Schema(required = true, example = "青总发〔2022〕24号")
        String docNumber,
        @Schema(required = true)
        List<ModuleRecord> modules,
        @Schema(required = true, example = "12")
        int completedModules,
        @Schema(required = true, example = "19")
        int totalModules,
        @Schema(required = true, example = "false")
        boolean campaignCompleted,
        @Schema(required = true, example = "2022-11-20T01:30:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant campaignCompletedAt) {
}
