package cn.qhzgh.study.quiz.question;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One choice as stored: {@code key} is A–H. Attempts re-letter keys per phone. */
public record QuestionOption(
        @Schema(required = true, example = "A")
        String key,
        @Schema(required = true, example = "“两个确立”")
        String text) {
}
