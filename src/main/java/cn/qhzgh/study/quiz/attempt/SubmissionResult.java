package cn.qhzgh.study.quiz.attempt;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

public record SubmissionResult(
        @Schema(required = true, example = "3b241101-e2bb-4255-8caf-4136c566a962")
        String attemptId,
        @Schema(required = true, example = "7")
        long quizId,
        @Schema(required = true, example = "SUBMITTED")
        AttemptStatus status,
        @Schema(required = true, example = "90")
        int score,
        @Schema(required = true, example = "true")
        boolean passed,
        @Schema(required = true, example = "2022-11-20T01:36:12Z")
        Instant submittedAt,
        @Schema(required = true)
        List<QuestionResult> results) {
}
