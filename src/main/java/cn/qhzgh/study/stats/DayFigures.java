package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** One Asia/Shanghai day: campaign completions and workers who sent reading progress. */
public record DayFigures(
        @Schema(required = true, example = "2022-11-20")
        LocalDate day,
        @Schema(required = true, example = "3120")
        long completions,
        @Schema(required = true, example = "45210")
        long activeWorkers) {
}
