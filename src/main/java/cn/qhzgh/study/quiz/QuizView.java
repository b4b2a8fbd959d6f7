package cn.qhzgh.study.quiz;

import cn.qhzgh.study.quiz.question.QuestionType;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A quiz as admins manage it; {@code revision} backs the ETag for If-Match edits. */
public record QuizView(
        @Schema(required = true, example = "7")
        Long id,
        @Schema(required = true, example = "党的二十大精神学习结业考试")
        String title,
        @Schema(required = true, example = "FINAL")
        QuizKind kind,
        @Schema(required = true, example = "1", nullable = true)
        String moduleCode,
        @Schema(required = true, example = "20")
        int questionCount,
        @Schema(required = true, example = "{\"moduleCodes\": [\"1\", \"2\"], \"types\": [\"SINGLE_CHOICE\", \"TRUE_FALSE\"], \"tags\": [\"两个确立\"]}")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        DrawRule drawRule,
        @Schema(required = true, example = "60")
        int passScore,
        @Schema(required = true, example = "1200")
        int timeLimitSeconds,
        @Schema(required = true, example = "3", nullable = true)
        Integer maxAttempts,
        @Schema(required = true, example = "2022-11-16T00:00:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant opensAt,
        @Schema(required = true, example = "2022-12-31T15:59:59Z", nullable = true, implementation = String.class, format = "date-time")
        Instant closesAt,
        @Schema(required = true, example = "true")
        boolean shuffleQuestions,
        @Schema(required = true, example = "true")
        boolean shuffleOptions,
        @Schema(required = true, example = "true")
        boolean active,
        @Schema(required = true, example = "1")
        int revision,
        @Schema(required = true, example = "2", nullable = true,
                description = "The campaign whose FINAL or DAILY quiz this is; null for every other quiz")
        Long campaignId,
        @Schema(required = true, example = "1", nullable = true,
                description = "The document whose MODULE quiz the service made; null for quizzes made by admins")
        Long noticeId) {

    static QuizView of(Quiz quiz) {
        return new QuizView(quiz.id, quiz.title, quiz.kind, quiz.moduleCode, quiz.questionCount,
                new DrawRule(quiz.drawModuleCodes, quiz.drawTypes.stream().map(QuestionType::valueOf).toList(),
                        quiz.drawTags),
                quiz.passScore, quiz.timeLimitSeconds, quiz.maxAttempts, quiz.opensAt, quiz.closesAt,
                quiz.shuffleQuestions, quiz.shuffleOptions, quiz.active, quiz.revision, quiz.campaignId, quiz.noticeId);
    }

    public String etag() {
        return "\"quiz" + id + "-r" + revision + "\"";
    }
}
