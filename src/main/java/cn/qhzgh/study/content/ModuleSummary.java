package cn.qhzgh.study.content;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A module in the reading list; {@code percent} and {@code completed} are the calling worker's own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModuleSummary(Long id, String code, String parentCode, String title, int position,
                            int readingMinutes, int version, Integer percent, Boolean completed) {

    ModuleSummary withProgress(int percent, boolean completed) {
        return new ModuleSummary(id, code, parentCode, title, position, readingMinutes, version, percent, completed);
    }
}
