package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Item analysis of one campaign in a subtree: its FINAL exam as a whole, then its most asked questions. */
public record QuestionAnalysis(
        @Schema(required = true, example = "1")
        long campaignId,
        @Schema(required = true, example = "学习宣传贯彻党的二十大精神")
        String campaignTitle,
        @Schema(required = true, nullable = true, description = "Null when the campaign has no FINAL exam")
        FinalExamFigures finalExam,
        @Schema(required = true, description = "The most asked questions of the campaign's materials, most asked first")
        List<QuestionItem> questions,
        @Schema(required = true, example = "2022-12-01T02:00:00Z")
        Instant asOf) {
}
