package cn.qhzgh.study.quiz;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * The full new state of a question. The type cannot change: a different type is a different question.
 * Wording changes create a new version; a status change alone does not.
 */
public record QuestionEditRequest(@NotBlank String stem, List<QuestionOption> options, @NotNull List<String> answer,
                                  String explanation, String moduleCode, List<String> tags,
                                  @NotNull QuestionStatus status) {
}
