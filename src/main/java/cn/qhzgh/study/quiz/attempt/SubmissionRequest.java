package cn.qhzgh.study.quiz.attempt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record SubmissionRequest(
        @Schema(example = "[{\"questionId\": 301, \"response\": [\"A\"]}, {\"questionId\": 302, \"response\": [\"四个意识\"]}]")
        @NotNull @Size(max = 200) List<@NotNull @Valid AnswerRequest> answers) {
}
