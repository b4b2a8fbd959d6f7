package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The figures of each direct child union, in the same shape and with the same notice and moment as a summary. */
public record ChildrenView(
        @Schema(required = true, example = "青总发〔2022〕24号")
        String docNumber,
        @Schema(required = true)
        List<OrgFigures> children,
        @Schema(required = true, example = "2022-12-01T02:00:00Z")
        Instant asOf) {
}
