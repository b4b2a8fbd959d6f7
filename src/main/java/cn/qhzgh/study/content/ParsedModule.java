package cn.qhzgh.study.content;

import java.util.List;

/**
 * One study module: the preamble ({@code 0}), a section ({@code 2}) or a subsection ({@code 2.1}).
 * {@code position} is the 0-based reading order over all modules of the notice.
 */
public record ParsedModule(String code, String parentCode, String title, int position, List<String> paragraphs) {

    public ParsedModule {
        paragraphs = List.copyOf(paragraphs);
    }
}
