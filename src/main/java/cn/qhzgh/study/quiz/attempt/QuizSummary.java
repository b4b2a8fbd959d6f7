package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.QuizKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A quiz as a worker sees it in the list of what they can take. */
public record QuizSummary(
        @Schema(required = true, example = "7")
        Long id,
        @Schema(required = true, example = "“充分认识学习宣传贯彻党的二十大精神的重大意义”测验")
        String title,
        @Schema(required = true, example = "MODULE")
        QuizKind kind,
        @Schema(required = true, example = "1", nullable = true)
        String moduleCode,
        @Schema(required = true, example = "10")
        int questionCount,
        @Schema(required = true, example = "60")
        int passScore,
        @Schema(required = true, example = "600")
        int timeLimitSeconds,
        @Schema(required = true, example = "3", nullable = true)
        Integer maxAttempts,
        @Schema(required = true, example = "1")
        int attemptsUsed,
        @Schema(required = true, example = "90", nullable = true)
        Integer bestScore,
        @Schema(required = true, example = "2022-11-16T00:00:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant opensAt,
        @Schema(required = true, example = "2022-12-31T15:59:59Z", nullable = true, implementation = String.class, format = "date-time")
        Instant closesAt) {
}
