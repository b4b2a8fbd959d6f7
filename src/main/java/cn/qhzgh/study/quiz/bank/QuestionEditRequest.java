package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The full new state of a question. The type cannot change: a different type is a different question.
 * Wording changes create a new version; a status change alone does not.
 */
public record QuestionEditRequest(
        @Schema(example = "深刻领悟（    ）的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。")
        @NotBlank String stem,
        @Schema(example = "[{\"key\": \"A\", \"text\": \"“两个确立”\"}, {\"key\": \"B\", \"text\": \"“两个结合”\"}]", nullable = true)
        List<@NotNull QuestionOption> options,
        @Schema(example = "[\"A\"]")
        @NotNull List<@NotNull String> answer,
        @Schema(example = "原文：深刻领悟“两个确立”的决定性意义。", nullable = true)
        String explanation,
        @Schema(example = "1", nullable = true)
        String moduleCode,
        @Schema(example = "[\"两个确立\"]", nullable = true)
        List<@NotNull String> tags,
        @Schema(example = "APPROVED")
        @NotNull QuestionStatus status) {
}
