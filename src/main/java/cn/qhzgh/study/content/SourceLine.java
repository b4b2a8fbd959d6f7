package cn.qhzgh.study.content;

import java.util.ArrayList;
import java.util.List;

/** One line of the source markdown: its 1-based number and its text with both ends trimmed. */
record SourceLine(int number, String text) {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    boolean isBlank() {
        return text.isEmpty();
    }

    static List<SourceLine> split(String markdown) {
        String withoutBom = !markdown.isEmpty() && markdown.charAt(0) == BYTE_ORDER_MARK
                ? markdown.substring(1)
                : markdown;
        String[] rawLines = withoutBom.split("\r\n|\r|\n", -1);
        List<SourceLine> lines = new ArrayList<>(rawLines.length);
        for (int index = 0; index < rawLines.length; index++) {
            lines.add(new SourceLine(index + 1, rawLines[index].strip()));
        }
        return lines;
    }
}
