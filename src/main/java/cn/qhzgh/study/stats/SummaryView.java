package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record SummaryView(
        @Schema(example = "青总发〔2022〕24号")
        String docNumber,
        OrgFigures figures,
        @Schema(example = "2022-12-01T02:00:00Z")
        Instant asOf) {
}
