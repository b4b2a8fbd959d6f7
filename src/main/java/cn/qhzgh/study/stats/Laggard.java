package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A worker who has not completed the campaign; null times mean never started. */
public record Laggard(
        @Schema(required = true, example = "qh-w-000377")
        String externalId,
        @Schema(required = true, example = "李秀英", nullable = true)
        String name,
        @Schema(required = true, example = "QH-XN-CZ")
        String orgCode,
        @Schema(required = true, example = "城中区总工会")
        String orgName,
        @Schema(required = true, example = "2022-11-20T01:30:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant startedAt,
        @Schema(required = true, example = "2022-11-25T12:02:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant lastActivityAt,
        @Schema(required = true, example = "840", description = "Credited reading seconds (see POST /api/v1/me/progress), not the seconds phones claimed")
        long secondsSpent) {
}
