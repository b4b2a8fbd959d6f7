package cn.qhzgh.study.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record ModuleDetail(
        @Schema(required = true, example = "11")
        Long id,
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
        @Schema(required = true, example = "1")
        int version,
        @Schema(required = true, example = "[\"中国共产党第二十次全国代表大会是在全党全国各族人民迈上全面建设社会主义现代化国家新征程、向第二个百年奋斗目标进军的关键时刻召开的一次十分重要的大会。\", \"深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。\"]")
        List<String> paragraphs,
        @Schema(required = true, example = "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592")
        String contentHash) {

    @JsonIgnore
    public String etag() {
        return ModuleText.etag(version, contentHash);
    }
}
