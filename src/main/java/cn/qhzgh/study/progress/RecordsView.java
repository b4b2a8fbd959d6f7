package cn.qhzgh.study.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A worker's completion record in one campaign: every published module of its materials; completedModules and
 * totalModules count the modules completion requires.
 */
public record RecordsView(
        @Schema(required = true, example = "qh-w-000128")
        String externalId,
        @Schema(required = true, example = "1")
        long campaignId,
        @Schema(required = true, example = "学习宣传贯彻党的二十大精神")
        String campaignTitle,
        @Schema(required = true, example = "1", description = "The campaign's first material; use campaignId")
        long noticeId,
        @Schema(required = true, nullable = true, example = "青总发〔2022〕24号",
                description = "The doc number of the campaign's first material (null without one)")
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
