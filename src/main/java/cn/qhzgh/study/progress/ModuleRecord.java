package cn.qhzgh.study.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record ModuleRecord(
        @Schema(required = true, example = "11")
        long moduleId,
        @Schema(required = true, example = "1")
        String code,
        @Schema(required = true, example = "充分认识学习宣传贯彻党的二十大精神的重大意义")
        String title,
        @Schema(required = true, example = "100")
        int percent,
        @Schema(required = true, example = "420", description = "Credited reading seconds (see POST /api/v1/me/progress), not the seconds phones claimed")
        long secondsSpent,
        @Schema(required = true, example = "90", nullable = true)
        Integer bestScore,
        @Schema(required = true, example = "true")
        boolean completed,
        @Schema(required = true, example = "2022-11-20T01:30:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant completedAt) {
}
