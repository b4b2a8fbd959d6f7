package cn.qhzgh.study.quiz.question;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normal form used to compare answers and options: full-width and half-width forms are equal, surrounding
 * quotes and all whitespace are ignored, Latin letters are case-insensitive.
 */
public final class TextNormalizer {

    private static final String QUOTES = "\"'“”‘’「」『』《》〈〉";

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        int start = 0;
        int end = folded.length();
        while (start < end && QUOTES.indexOf(folded.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(folded.charAt(end - 1)) >= 0) {
            end--;
        }
        return folded.substring(start, end);
    }
}
