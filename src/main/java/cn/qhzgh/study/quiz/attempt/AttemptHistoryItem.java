package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.QuizKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record AttemptHistoryItem(
        @Schema(required = true, example = "3b241101-e2bb-4255-8caf-4136c566a962")
        String attemptId,
        @Schema(required = true, example = "7")
        long quizId,
        @Schema(required = true, example = "“充分认识学习宣传贯彻党的二十大精神的重大意义”测验")
        String quizTitle,
        @Schema(required = true, example = "MODULE")
        QuizKind kind,
        @Schema(required = true, example = "1", nullable = true)
        String moduleCode,
        @Schema(required = true, example = "SUBMITTED")
        AttemptStatus status,
        @Schema(required = true, example = "2022-11-20T01:30:00Z")
        Instant startedAt,
        @Schema(required = true, example = "2022-11-20T01:40:00Z")
        Instant deadline,
        @Schema(required = true, example = "2022-11-20T01:36:12Z", nullable = true, implementation = String.class, format = "date-time")
        Instant submittedAt,
        @Schema(required = true, example = "90", nullable = true)
        Integer score,
        @Schema(required = true, example = "true", nullable = true)
        Boolean passed) {
}
