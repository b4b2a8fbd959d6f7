package cn.qhzgh.study.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The caller's standing in one campaign. */
public record CampaignProgress(
        @Schema(required = true, example = "19", description = "Published modules of the materials that completion requires")
        int requiredModules,
        @Schema(required = true, example = "7", description = "How many of those the caller completed")
        int completedModules,
        @Schema(required = true, example = "85", nullable = true, description = "Best score in the campaign's FINAL exam; null before the first")
        Integer finalBestScore,
        @Schema(required = true, example = "true")
        boolean finalPassed,
        @Schema(required = true, example = "2022-11-20T12:30:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant completedAt,
        @Schema(required = true, example = "3600", description = "Credited reading time in this campaign")
        long secondsSpent,
        @Schema(required = true, example = "2022-11-16T04:10:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant startedAt) {
}
