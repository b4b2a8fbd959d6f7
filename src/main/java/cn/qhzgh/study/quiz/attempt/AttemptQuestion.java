package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A question as a phone receives it: re-lettered options, and nothing that reveals the answer. */
public record AttemptQuestion(
        @Schema(required = true, example = "301")
        long questionId,
        @Schema(required = true, example = "SINGLE_CHOICE")
        QuestionType type,
        @Schema(required = true, example = "深刻领悟（    ）的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。")
        String stem,
        @Schema(required = true, example = "[{\"key\": \"A\", \"text\": \"“两个确立”\"}, {\"key\": \"B\", \"text\": \"“两个结合”\"}, {\"key\": \"C\", \"text\": \"“五个认同”\"}, {\"key\": \"D\", \"text\": \"“三个最大”\"}]")
        List<QuestionOption> options) {
}
