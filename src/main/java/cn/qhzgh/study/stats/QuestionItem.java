package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Item analysis of one question in a subtree. {@code asked}, {@code correct}, the picks and {@code flag} count every
 * attempt at every quiz; {@code flag} is set when nearly everyone gets it wrong, or a distractor is picked more often
 * than the key. {@code finalExam} has the question's figures over first attempts at the campaign's FINAL.
 */
public record QuestionItem(
        @Schema(required = true, example = "301")
        long questionId,
        @Schema(required = true, example = "SINGLE_CHOICE")
        String type,
        @Schema(required = true, example = "深刻领悟（    ）的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。")
        String stem,
        @Schema(required = true, example = "1", nullable = true)
        String moduleCode,
        @Schema(required = true, example = "5210")
        long asked,
        @Schema(required = true, example = "4870")
        long correct,
        @Schema(required = true, example = "0.9347")
        double percentCorrect,
        @Schema(required = true)
        List<OptionPicks> options,
        @Schema(required = true, example = "DISTRACTOR_BEATS_KEY", nullable = true)
        String flag,
        @Schema(required = true)
        ItemFigures finalExam) {

    public record OptionPicks(
            @Schema(required = true, example = "A")
            String key,
            @Schema(required = true, example = "“两个确立”")
            String text,
            @Schema(required = true, example = "true")
            boolean isKey,
            @Schema(required = true, example = "4870")
            long picks,
            @Schema(required = true, example = "0.9347")
            double share) {
    }
}
