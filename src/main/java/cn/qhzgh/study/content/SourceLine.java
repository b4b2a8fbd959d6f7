package cn.qhzgh.study.content;

import cn.qhzgh.study.common.TextEncodings;

import java.util.ArrayList;
import java.util.List;

/** One line of the source markdown: its 1-based number and its text with both ends trimmed. */
record SourceLine(int number, String text) {

    boolean isBlank() {
        return text.isEmpty();
    }

    static List<SourceLine> split(String markdown) {
        String[] rawLines = TextEncodings.withoutBom(markdown).split("\r\n|\r|\n", -1);
        List<SourceLine> lines = new ArrayList<>(rawLines.length);
        for (int index = 0; index < rawLines.length; index++) {
            lines.add(new SourceLine(index + 1, rawLines[index].strip()));
        }
        return lines;
    }
}
