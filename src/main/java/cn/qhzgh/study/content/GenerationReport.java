package cn.qhzgh.study.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * What question generation did on an import: {@code generated} drafts in all, {@code approved} passed the quality gate,
 * {@code rejected} did not (counted by reason); {@code created}, {@code kept} and {@code retired}
 * describe the stored questions.
 */
public record GenerationReport(
        @Schema(required = true, example = "96")
        int keyPhrases,
        @Schema(required = true, example = "202", description = "Drafts generated from the document: approved plus rejected")
        int generated,
        @Schema(required = true, example = "188")
        int approved,
        @Schema(required = true, example = "14")
        int rejected,
        @Schema(required = true, example = "{\"ANSWER_IN_STEM\": 6, \"DUPLICATE_OPTIONS\": 8}")
        Map<String, Integer> rejectionReasons,
        @Schema(required = true, example = "188")
        int created,
        @Schema(required = true, example = "0")
        int kept,
        @Schema(required = true, example = "0")
        int retired) {
}
