package cn.qhzgh.study.quiz;

import java.time.Instant;

/** Fired inside the submission's transaction, so completion follows in the same commit. */
public record AttemptScored(long workerId, long quizId, Long noticeId, QuizKind kind, String moduleCode, int score,
                            boolean passed, Instant submittedAt) {
}
