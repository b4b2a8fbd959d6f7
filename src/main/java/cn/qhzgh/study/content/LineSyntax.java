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
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–－]+\\s*\\d{1,3}\\s*[-—–－]+|第\\s*\\d{1,3}\\s*页(?:\\s*[，,]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3})$");
    private static final String DIGIT = "[0-9０-９]";
    private static final Pattern ITEM_MARKER = Pattern.compile("^(" + DIGIT + "{1,2})[．.、](?!" + DIGIT + ")\\s*(.+)$");
    private static final Pattern SUB_ITEM_MARKER = Pattern.compile("^[（(](" + DIGIT + "{1,2})[）)]\\s*(.*)$");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|.*\\|$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|(?:\\s*:?-{3,}:?\\s*\\|)+$");
    private static final Pattern FOOTNOTE = Pattern.compile("^(?:[①-⑳]|\\[\\d{1,2}]|［\\d{1,2}］|注\\s*\\d{0,2}\\s*[：:]).+$");
    /** A standalone numbered heading is short and has no comma; a longer unpunctuated numbered line was broken by a page. */
    private static final int STANDALONE_HEADING_MAX = 25;
    private static final int RUN_IN_SECTION_TITLE_MAX = 40;
    private static final String TERMINAL_PUNCTUATION = "。！？；：…!?;:.";
    private static final String SENTENCE_END = "。";
    private static final String CLAUSE_ENDINGS = "；;：:，,";
    private static final String CLOSING_MARKS = "”’」』）)》〉】]\"'*";

    /** A numbering marker's value and the text that follows the marker. */
    record NumberedText(int number, String remainder) {
    }

    /** A GB/T 9704 numbering marker: level 1 一、, 2 （一）, 3 1．, 4 （1）; its value and the text after it. */
    record Numbering(int level, int number, String remainder) {
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
        // An unmarked "一、…" line ending like a sentence is body text, e.g. "一、二季度……。", unless it opens
        // with a short first sentence, as a heading run into its paragraph does.
        if (plain.equals(line) && endsWithTerminalPunctuation(line) && !isRunInSectionHeading(matcher.group(2))) {
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

    private static boolean isRunInSectionHeading(String remainder) {
        String rest = remainder.strip();
        int end = rest.indexOf(SENTENCE_END);
        return end > 0 && end <= RUN_IN_SECTION_TITLE_MAX && end < rest.length() - 1
                && NUMERAL_DIGITS.indexOf(rest.charAt(0)) < 0 && rest.charAt(0) != '十';
    }

    /** The level-2 to level-4 marker opening a paragraph (（一）, 1．, （1）), looking through leading bold markup. */
    static Optional<Numbering> itemStart(String text) {
        String plain = text.startsWith("**") ? text.substring(2) : text;
        Optional<NumberedText> subsection = subsectionStart(plain);
        if (subsection.isPresent()) {
            return Optional.of(new Numbering(2, subsection.get().number(), subsection.get().remainder()));
        }
        Matcher item = ITEM_MARKER.matcher(plain);
        if (item.matches()) {
            return Optional.of(new Numbering(3, digitsValue(item.group(1)), item.group(2)));
        }
        Matcher subItem = SUB_ITEM_MARKER.matcher(plain);
        if (subItem.matches()) {
            return Optional.of(new Numbering(4, digitsValue(subItem.group(1)), subItem.group(2)));
        }
        return Optional.empty();
    }

    /** A numbered line written as a heading of its own: short, without comma, full stop or closing punctuation. */
    static boolean isStandaloneItemHeading(String text) {
        String plain = text.replace("**", "").strip();
        return itemStart(plain).isPresent() && !endsWithTerminalPunctuation(plain)
                && plain.codePointCount(0, plain.length()) <= STANDALONE_HEADING_MAX
                && plain.indexOf('，') < 0 && plain.indexOf(',') < 0 && plain.indexOf('。') < 0;
    }

    static boolean isTableRow(String line) {
        return TABLE_ROW.matcher(line).matches();
    }

    static boolean isTableRule(String line) {
        return TABLE_RULE.matcher(line).matches();
    }

    /** A Markdown table row as the text row kept in the module: its cells separated by " | ". */
    static String tableRowText(String line) {
        String inner = line.substring(1, line.length() - 1);
        return String.join(" | ", java.util.Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList());
    }

    static boolean isFootnote(String line) {
        return FOOTNOTE.matcher(line).matches();
    }

    static String stripHeadingMarkup(String line) {
        return line.replaceFirst("^#+", "").replaceFirst("#+$", "").replace("**", "").strip();
    }

    /** The text before the first full stop, without bold markup: the title of a heading that runs on. */
    static String firstSentence(String text) {
        String plain = text.replace("**", "");
        int end = plain.indexOf(SENTENCE_END);
        String sentence = (end < 0 ? plain : plain.substring(0, end)).strip();
        // A list entry ends in ； and a lead-in such as "10.法人社会团体还应具备：" in ：, neither of which belongs in a title.
        int length = sentence.length();
        while (length > 1 && CLAUSE_ENDINGS.indexOf(sentence.charAt(length - 1)) >= 0) {
            length--;
        }
        return sentence.substring(0, length).strip();
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

    private static int digitsValue(String digits) {
        int value = 0;
        for (char digit : digits.toCharArray()) {
            value = value * 10 + (digit >= '０' ? digit - '０' : digit - '0');
        }
        return value;
    }

    private static int digitValue(char digit) {
        return NUMERAL_DIGITS.indexOf(digit) + 1;
    }
}
