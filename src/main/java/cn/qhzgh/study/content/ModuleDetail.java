package cn.qhzgh.study.content;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

public record ModuleDetail(Long id, String code, String parentCode, String title, int position,
                           int readingMinutes, int version, List<String> paragraphs, String contentHash) {

    @JsonIgnore
    public String etag() {
        return ModuleText.etag(version, contentHash);
    }
}
