package cn.qhzgh.study.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** New text for a module; {@code title} stays as it is when omitted. */
public record EditParagraphsRequest(
        @Schema(example = "[\"学习宣传贯彻党的二十大精神是当前和今后一个时期全党全国的首要政治任务。\", \"各级工会要深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。\"]")
        @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 10000) String> paragraphs,
        @Schema(example = "充分认识学习宣传贯彻党的二十大精神的重大意义", nullable = true)
        @Size(min = 1, max = 200) String title) {
}
