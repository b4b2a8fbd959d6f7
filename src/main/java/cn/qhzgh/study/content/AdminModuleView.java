package cn.qhzgh.study.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AdminModuleView(
        @Schema(required = true, example = "11")
        Long id,
        @Schema(required = true, example = "1", description = "The document (GET /api/v1/notices/{id}) the module belongs to")
        long noticeId,
        @Schema(required = true, example = "青总发〔2022〕24号", nullable = true, description = "Absent for a document without one")
        String docNumber,
        @Schema(required = true, example = "1")
        String code,
        @Schema(required = true, example = "0", nullable = true)
        String parentCode,
        @Schema(required = true, example = "充分认识学习宣传贯彻党的二十大精神的重大意义")
        String title,
        @Schema(required = true, example = "1")
        int position,
        @Schema(required = true, example = "6")
        int readingMinutes,
        @Schema(required = true, example = "2")
        int version,
        @Schema(required = true, example = "true")
        boolean published) {
}
