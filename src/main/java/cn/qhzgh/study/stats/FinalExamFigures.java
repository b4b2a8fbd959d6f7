package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The campaign's FINAL exam as a whole over the subtree's first attempts (Moodle's test statistics; README, Item
 * analysis). Percentages with two decimals; null where the definition divides by zero.
 */
public record FinalExamFigures(
        @Schema(required = true, example = "3")
        long quizId,
        @Schema(required = true, example = "学习宣传贯彻党的二十大精神 学习结业考试")
        String title,
        @Schema(required = true, example = "20", description = "Questions each attempt asks now; the figures count "
                + "first attempts of this length only")
        int questionsPerAttempt,
        @Schema(required = true, example = "82055", description = "Workers' first attempts, submitted in time")
        long firstAttempts,
        @Schema(required = true, nullable = true, example = "78.45", description = "Mean score as a percentage of the marks")
        Double averageScore,
        @Schema(required = true, nullable = true, example = "14.12",
                description = "Sample standard deviation of the score as a percentage of the marks")
        Double standardDeviation,
        @Schema(required = true, nullable = true, example = "71.6",
                description = "Coefficient of internal consistency (Cronbach's α × 100) over the positions of the exam")
        Double internalConsistency,
        @Schema(required = true, description = "Judged only from " + ItemFlags.MIN_FIRST_ATTEMPTS
                + " first attempts on, empty otherwise")
        List<ExamFlag> flags) {
}
