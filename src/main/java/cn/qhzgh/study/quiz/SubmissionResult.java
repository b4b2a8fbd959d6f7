package cn.qhzgh.study.quiz;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

public record SubmissionResult(
        @Schema(example = "3b241101-e2bb-4255-8caf-4136c566a962")
        String attemptId,
        @Schema(example = "7")
        long quizId,
        @Schema(example = "SUBMITTED")
        AttemptStatus status,
        @Schema(example = "90")
        int score,
        @Schema(example = "true")
        boolean passed,
        @Schema(example = "2022-11-20T01:36:12Z")
        Instant submittedAt,
        List<QuestionResult> results) {
}
