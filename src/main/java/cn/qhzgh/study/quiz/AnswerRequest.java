package cn.qhzgh.study.quiz;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The option letters a worker picked, or one typed text for FILL_BLANK. */
public record AnswerRequest(@NotNull Long questionId,
                            @NotNull @Size(max = 8) List<@NotNull @Size(max = 200) String> response) {
}
