package cn.qhzgh.study.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Running page headers and footers: short unpunctuated lines that repeat on page after page of a converted file. */
final class PageFurniture {

    private static final int MIN_REPEATS = 3;
    private static final int MAX_LENGTH = 40;

    private PageFurniture() {
    }

    static Set<String> runningLines(List<SourceLine> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (SourceLine line : lines) {
            String text = line.text();
            if (isCandidate(text)) {
                counts.merge(text, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= MIN_REPEATS).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isCandidate(String text) {
        return !text.isEmpty() && text.codePointCount(0, text.length()) <= MAX_LENGTH
                && !LineSyntax.endsWithTerminalPunctuation(text) && !LineSyntax.isHeading(text)
                && LineSyntax.itemStart(text).isEmpty() && !LineSyntax.isTableRow(text)
                && !LineSyntax.isHorizontalRule(text) && !LineSyntax.isPageNumber(text);
    }
}
