package cn.qhzgh.study.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** New text for a module; {@code title} stays as it is when omitted. */
public record EditParagraphsRequest(
        @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 10000) String> paragraphs,
        @Size(min = 1, max = 200) String title) {
}
