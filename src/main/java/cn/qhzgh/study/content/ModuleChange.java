package cn.qhzgh.study.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did to one module. */
public record ModuleChange(
        @Schema(required = true, example = "3.3")
        String code,
        @Schema(required = true, example = "在加强思想政治引领，汇集凝聚百万职工团结奋斗的磅礴力量上下功夫")
        String title,
        @Schema(required = true, example = "REVISED")
        Kind change,
        @Schema(required = true, example = "2")
        int version) {

    public enum Kind { CREATED, REVISED, UNCHANGED, WITHDRAWN }
}
