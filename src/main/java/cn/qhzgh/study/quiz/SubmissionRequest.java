package cn.qhzgh.study.quiz;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

public record SubmissionRequest(@NotNull @Size(max = 200) List<@NotNull @Valid AnswerRequest> answers) {
}
