package cn.qhzgh.study.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AdminModuleView(
        @Schema(example = "11")
        Long id,
        @Schema(example = "青总发〔2022〕24号", nullable = true, description = "Absent for a document without one")
        String docNumber,
        @Schema(example = "1")
        String code,
        @Schema(example = "0", nullable = true)
        String parentCode,
        @Schema(example = "充分认识学习宣传贯彻党的二十大精神的重大意义")
        String title,
        @Schema(example = "1")
        int position,
        @Schema(example = "6")
        int readingMinutes,
        @Schema(example = "2")
        int version,
        @Schema(example = "true")
        boolean published) {
}
