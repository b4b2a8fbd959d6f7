package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.QuizKind;

import java.time.Instant;
import java.util.List;

/**
 * Fired inside the submission's transaction, so completion and counters follow in the same commit. {@code campaignId} is set for FINAL and DAILY
 * attempts; a MODULE attempt counts in every campaign that studies its notice. {@code late} attempts are scored 0
 * whatever was answered; {@code answers} come in the order the attempt asked them (index = position).
 */
public record AttemptScored(String attemptId, long workerId, long orgId, long quizId, Long noticeId, Long campaignId,
                            QuizKind kind,
                            String moduleCode, int score, boolean passed, boolean late, Instant submittedAt,
                            List<AnsweredQuestion> answers) {

    /** One question of the attempt: {@code picked} holds original option keys (empty for FILL_BLANK). */
    public record AnsweredQuestion(long questionId, boolean correct, List<String> picked) {
    }
}
