package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** completionRate is over all workers of the subtree; averageBestScore over those who took the module's quiz. */
public record ModuleFigures(
        @Schema(required = true, example = "11")
        long moduleId,
        @Schema(required = true, example = "1")
        String code,
        @Schema(required = true, example = "充分认识学习宣传贯彻党的二十大精神的重大意义")
        String title,
        @Schema(required = true, example = "140210")
        long started,
        @Schema(required = true, example = "120034")
        long completed,
        @Schema(required = true, example = "0.6595")
        double completionRate,
        @Schema(required = true, example = "88.2", nullable = true)
        Double averageBestScore) {
}
