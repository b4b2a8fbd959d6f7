package cn.qhzgh.study.quiz;

import java.time.Instant;
import java.util.List;

/** A quiz as admins manage it; {@code revision} backs the ETag for If-Match edits. */
public record QuizView(Long id, String title, QuizKind kind, String moduleCode, int questionCount, DrawRule drawRule,
                       int passScore, int timeLimitSeconds, Integer maxAttempts, Instant opensAt, Instant closesAt,
                       boolean shuffleQuestions, boolean shuffleOptions, boolean active, int revision) {

    static QuizView of(Quiz quiz) {
        return new QuizView(quiz.id, quiz.title, quiz.kind, quiz.moduleCode, quiz.questionCount,
                new DrawRule(quiz.drawModuleCodes, quiz.drawTypes.stream().map(QuestionType::valueOf).toList(),
                        quiz.drawTags),
                quiz.passScore, quiz.timeLimitSeconds, quiz.maxAttempts, quiz.opensAt, quiz.closesAt,
                quiz.shuffleQuestions, quiz.shuffleOptions, quiz.active, quiz.revision);
    }

    public String etag() {
        return "\"quiz" + id + "-r" + revision + "\"";
    }
}
