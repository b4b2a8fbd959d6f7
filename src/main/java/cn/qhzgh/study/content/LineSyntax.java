package cn.qhzgh.study.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a single trimmed source line of a notice is written: headings, numbering markers, rules, punctuation. */
final class LineSyntax {

    /** A Chinese numeral from 一 to 九十九, as used in 一、 and （一） numbering. */
    private static final String NUMERAL = "(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])";
    private static final String NUMERAL_DIGITS = "一二三四五六七八九";
    private static final Pattern SECTION_NUMBERING = Pattern.compile("^(" + NUMERAL + ")、\\s*(.+)$");
    private static final Pattern SUBSECTION_MARKER = Pattern.compile("^(?:\\*\\*)?[（(](" + NUMERAL + ")[）)]\\s*(.*)$");
    private static final Pattern WHOLE_LINE_BOLD = Pattern.compile("^\\*\\*.+\\*\\*$");
    private static final Pattern HORIZONTAL_RULE = Pattern.compile("^(?:-{3,}|\\*{3,}|_{3,})$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[-—–－]+\\s*\\d{1,3}\\s*[-—–－]+$");
    private static final String TERMINAL_PUNCTUATION = "。！？；：…!?;:.";
    private static final String SENTENCE_END = "。";
    private static final String CLOSING_MARKS = "”’」』）)》〉】]\"'*";

    /** A numbering marker's value and the text that follows the marker. */
    record NumberedText(int number, String remainder) {
    }

    private LineSyntax() {
    }

    static boolean isHorizontalRule(String line) {
        return HORIZONTAL_RULE.matcher(line).matches();
    }

    static boolean isPageNumber(String line) {
        return PAGE_NUMBER.matcher(line).matches();
    }

    static boolean isHeading(String line) {
        return line.startsWith("#") || WHOLE_LINE_BOLD.matcher(line).matches() || sectionHeading(line).isPresent();
    }

    /** Recognises 一、… section headings by their numbering, whatever markdown markup surrounds them. */
    static Optional<NumberedText> sectionHeading(String line) {
        String plain = stripHeadingMarkup(line);
        Matcher matcher = SECTION_NUMBERING.matcher(plain);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        // An unmarked "一、…" line ending like a sentence is body text, e.g. "一、二季度……。"
        if (plain.equals(line) && endsWithTerminalPunctuation(line)) {
            return Optional.empty();
        }
        return Optional.of(new NumberedText(numeralValue(matcher.group(1)), matcher.group(2).strip()));
    }

    /** Recognises a paragraph opened by a （一） subsection marker, optionally inside leading bold markup. */
    static Optional<NumberedText> subsectionStart(String text) {
        Matcher matcher = SUBSECTION_MARKER.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NumberedText(numeralValue(matcher.group(1)), matcher.group(2)));
    }

    static String stripHeadingMarkup(String line) {
        return line.replaceFirst("^#+", "").replaceFirst("#+$", "").replace("**", "").strip();
    }

    /** The text before the first full stop, without bold markup: the title of a heading that runs on. */
    static String firstSentence(String text) {
        String plain = text.replace("**", "");
        int end = plain.indexOf(SENTENCE_END);
        return (end < 0 ? plain : plain.substring(0, end)).strip();
    }

    /** Whether text follows the first full stop, as when a heading pasted from Word runs into its paragraph. */
    static boolean runsOnAfterFirstSentence(String text) {
        String plain = text.replace("**", "");
        int end = plain.indexOf(SENTENCE_END);
        return end >= 0 && !plain.substring(end + SENTENCE_END.length()).isBlank();
    }

    /** Closing quotes and brackets after a full stop still end the sentence, so they are looked through. */
    static boolean endsWithTerminalPunctuation(String text) {
        int end = text.length();
        while (end > 0 && CLOSING_MARKS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && TERMINAL_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0;
    }

    private static int numeralValue(String numeral) {
        int tensIndex = numeral.indexOf('十');
        if (tensIndex < 0) {
            return digitValue(numeral.charAt(0));
        }
        int tens = tensIndex == 0 ? 1 : digitValue(numeral.charAt(0));
        int units = tensIndex == numeral.length() - 1 ? 0 : digitValue(numeral.charAt(tensIndex + 1));
        return tens * 10 + units;
    }

    private static int digitValue(char digit) {
        return NUMERAL_DIGITS.indexOf(digit) + 1;
    }
}
