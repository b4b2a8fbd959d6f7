package cn.qhzgh.study.quiz;

import cn.qhzgh.study.quiz.question.QuestionType;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Which approved questions a quiz draws from; empty or missing lists mean any. */
public record DrawRule(
        @Schema(example = "[\"1\", \"2\"]", nullable = true)
        @Size(max = 30) List<@NotNull @Size(min = 1, max = 16) String> moduleCodes,
        @Schema(example = "[\"SINGLE_CHOICE\", \"TRUE_FALSE\"]", nullable = true)
        @Size(max = 4) List<@NotNull QuestionType> types,
        @Schema(example = "[\"两个确立\"]", nullable = true)
        @Size(max = 10) List<@NotNull @Size(min = 1, max = 32) String> tags) {

    public static final DrawRule ANY = new DrawRule(List.of(), List.of(), List.of());
}
