package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One union's subtree figures for the campaign notice, as of a moment; /children gives each child the same OrgFigures. */
public record SummaryView(
        @Schema(required = true, example = "青总发〔2022〕24号")
        String docNumber,
        @Schema(required = true)
        OrgFigures figures,
        @Schema(required = true, example = "2022-12-01T02:00:00Z")
        Instant asOf) {
}
