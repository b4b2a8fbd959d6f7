package cn.qhzgh.study.quiz.attempt;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The option letters a worker picked, or one typed text for FILL_BLANK. */
public record AnswerRequest(
        @Schema(example = "301")
        @NotNull Long questionId,
        @Schema(example = "[\"A\"]")
        @NotNull @Size(max = 8) List<@NotNull @Size(max = 200) String> response) {
}
