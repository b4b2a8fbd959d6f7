package cn.qhzgh.study.quiz;

import java.time.Instant;

public record AttemptHistoryItem(String attemptId, long quizId, String quizTitle, QuizKind kind, String moduleCode,
                                 AttemptStatus status, Instant startedAt, Instant deadline, Instant submittedAt,
                                 Integer score, Boolean passed) {
}
