package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * How one question did in the campaign's FINAL, over the first attempts that drew it (Moodle's question statistics;
 * README, Item analysis). Percentages with two decimals; null where the definition divides by zero.
 */
public record ItemFigures(
        @Schema(required = true, example = "5210",
                description = "Workers' first FINAL attempts (submitted in time, of the FINAL's current length) that drew the question")
        long firstAttempts,
        @Schema(required = true, nullable = true, example = "71.3",
                description = "Facility index: the mean mark as a percentage of the question's mark; null without first attempts")
        Double facilityIndex,
        @Schema(required = true, nullable = true, example = "34.52",
                description = "Discrimination index: 100 × the correlation between the question's mark and the rest of the "
                        + "attempt's score; null below two first attempts or when either never varies")
        Double discriminationIndex,
        @Schema(required = true, nullable = true, example = "52.08",
                description = "Discriminative efficiency: 100 × the covariance of the question's mark with the rest of the "
                        + "attempt's score over the largest covariance the two distributions allow; null when that is 0")
        Double discriminativeEfficiency,
        @Schema(required = true, description = "Figures outside sensible bounds; judged only from "
                + ItemFlags.MIN_FIRST_ATTEMPTS + " first attempts on, empty otherwise")
        List<ItemFlag> flags) {
}
