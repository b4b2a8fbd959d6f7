package cn.qhzgh.study.quiz;

import java.time.Instant;

/** A quiz as a worker sees it in the list of what they can take. */
public record QuizSummary(Long id, String title, QuizKind kind, String moduleCode, int questionCount, int passScore,
                          int timeLimitSeconds, Integer maxAttempts, int attemptsUsed, Integer bestScore,
                          Instant opensAt, Instant closesAt) {
}
