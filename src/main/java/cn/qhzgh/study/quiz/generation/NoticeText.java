package cn.qhzgh.study.quiz.generation;

import java.util.List;
import java.util.regex.Pattern;

/** The whole notice as one searchable text, with PDF-conversion spaces around numbers removed. */
final class NoticeText {

    private static final Pattern SPACE_AROUND_DIGITS =
            Pattern.compile("(?<=[^\\x00-\\x7F])\\s+(?=\\d)|(?<=\\d)\\s+(?=[^\\x00-\\x7F])");

    private final String text;

    private NoticeText(String text) {
        this.text = text;
    }

    static NoticeText of(List<SourceModule> modules) {
        StringBuilder joined = new StringBuilder();
        for (SourceModule module : modules) {
            for (String paragraph : module.paragraphs()) {
                joined.append(clean(paragraph)).append('\n');
            }
        }
        return new NoticeText(joined.toString());
    }

    /** 新时代 10 年 → 新时代10年; other spacing is left alone. */
    static String clean(String raw) {
        return SPACE_AROUND_DIGITS.matcher(raw).replaceAll("");
    }

    boolean contains(String fragment) {
        return !fragment.isEmpty() && text.contains(fragment);
    }

    int count(String phrase) {
        int count = 0;
        for (int at = text.indexOf(phrase); at >= 0 && !phrase.isEmpty(); at = text.indexOf(phrase, at + phrase.length())) {
            count++;
        }
        return count;
    }
}
