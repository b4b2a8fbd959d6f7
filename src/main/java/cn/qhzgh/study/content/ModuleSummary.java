package cn.qhzgh.study.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A module in the reading list; {@code percent} and {@code completed} are the calling worker's own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleSummary(
        @Schema(required = true, example = "11")
        Long id,
        @Schema(required = true, example = "1")
        String code,
        @Schema(example = "0", description = "Absent for a top-level module")
        String parentCode,
        @Schema(required = true, example = "充分认识学习宣传贯彻党的二十大精神的重大意义")
        String title,
        @Schema(required = true, example = "1")
        int position,
        @Schema(required = true, example = "6")
        int readingMinutes,
        @Schema(required = true, example = "1")
        int version,
        @Schema(example = "60")
        Integer percent,
        @Schema(example = "false")
        Boolean completed) {

    public ModuleSummary withProgress(int percent, boolean completed) {
        return new ModuleSummary(id, code, parentCode, title, position, readingMinutes, version, percent, completed);
    }
}
