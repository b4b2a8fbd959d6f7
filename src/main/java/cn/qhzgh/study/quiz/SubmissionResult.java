package cn.qhzgh.study.quiz;

import java.time.Instant;
import java.util.List;

public record SubmissionResult(String attemptId, long quizId, AttemptStatus status, int score, boolean passed,
                               Instant submittedAt, List<QuestionResult> results) {
}
