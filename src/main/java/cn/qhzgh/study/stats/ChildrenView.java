package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The figures of each direct child union, in the same shape and with the same campaign and moment as a summary. */
public record ChildrenView(
        @Schema(required = true, example = "1")
        long campaignId,
        @Schema(required = true, example = "学习宣传贯彻党的二十大精神")
        String campaignTitle,
        @Schema(required = true, nullable = true, example = "青总发〔2022〕24号",
                description = "The doc number of the campaign's first material (null without one); use campaignId")
        String docNumber,
        @Schema(required = true)
        List<OrgFigures> children,
        @Schema(required = true, example = "2022-12-01T02:00:00Z")
        Instant asOf) {
}
