package cn.qhzgh.study.stats;

import cn.qhzgh.study.org.OrgType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Figures of one union's whole subtree. Rates are 0–1: completionRate = completed / workers,
 * passRate = finalPassed / finalAttempted, averageBestFinalScore averages each taker's best FINAL score.
 */
public record OrgFigures(
        @Schema(required = true, example = "QH-XN")
        String code,
        @Schema(required = true, example = "西宁市总工会")
        String name,
        @Schema(required = true, example = "CITY")
        OrgType type,
        @Schema(required = true, example = "182000")
        long workers,
        @Schema(required = true, example = "150321")
        long started,
        @Schema(required = true, example = "98112")
        long completed,
        @Schema(required = true, example = "0.5391")
        double completionRate,
        @Schema(required = true, example = "84.6", nullable = true)
        Double averageBestFinalScore,
        @Schema(required = true, example = "101200")
        long finalAttempted,
        @Schema(required = true, example = "97800")
        long finalPassed,
        @Schema(required = true, example = "0.9664")
        double passRate,
        @Schema(required = true, example = "612345678", description = "Credited reading seconds (see POST /api/v1/me/progress), not the seconds phones claimed")
        long secondsSpentTotal) {

    /** A union's campaign counters summed over its subtree. */
    record CampaignSums(long started, long completed, long seconds, long finalAttempted, long finalBestSum,
                        long finalPassed) {
    }

    static OrgFigures of(String code, String name, OrgType type, long workers, CampaignSums sums) {
        long attempted = sums.finalAttempted();
        return new OrgFigures(code, name, type, workers, sums.started(), sums.completed(),
                ratio(sums.completed(), workers),
                attempted == 0 ? null : round(sums.finalBestSum() / (double) attempted), attempted, sums.finalPassed(),
                ratio(sums.finalPassed(), attempted), sums.seconds());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round(part / (double) whole);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
