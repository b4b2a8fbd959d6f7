package cn.qhzgh.study.quiz.attempt;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code correctAnswer} uses this attempt's letters, or the accepted texts for FILL_BLANK. */
public record QuestionResult(
        @Schema(required = true, example = "301")
        long questionId,
        @Schema(required = true, example = "true")
        boolean correct,
        @Schema(required = true, example = "[\"A\"]")
        List<String> correctAnswer,
        @Schema(required = true, example = "原文：深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。", nullable = true)
        String explanation) {
}
