package cn.qhzgh.study.quiz.bank;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes and text formats of Moodle GIFT. While a question is taken apart, escaped special characters are
 * replaced by private-use characters ({@link #protect}) so that they cannot be mistaken for syntax.
 */
final class GiftSyntax {

    /** Replaces the answer block of a question whose text goes on after it (Moodle's "missing word"). */
    static final String BLANK = "____";

    /** Written as {@code \c}; a backslash itself as {@code \\}, a line break as {@code \n}. */
    private static final String SPECIALS = "~=#{}:";
    private static final char FIRST_PLACEHOLDER = '\uE000';
    private static final char BACKSLASH_PLACEHOLDER = (char) (FIRST_PLACEHOLDER + SPECIALS.length());
    private static final char NEWLINE_PLACEHOLDER = (char) (BACKSLASH_PLACEHOLDER + 1);

    private static final Pattern FORMAT_MARKER = Pattern.compile("^\\[(moodle|html|plain|markdown)]");
    private static final Pattern HTML_LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p[^>]*>");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|\\d+);");
    private static final Map<String, String> NAMED_ENTITIES = Map.of(
            "&nbsp;", " ", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&apos;", "'");

    enum TextFormat { MOODLE, HTML, PLAIN, MARKDOWN }

    /** Text with its format marker, such as {@code [html]}, taken off. */
    record Marked(TextFormat format, String text) {
    }

    private GiftSyntax() {
    }

    static String protect(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (c == '\\' && SPECIALS.indexOf(next) >= 0) {
                out.append((char) (FIRST_PLACEHOLDER + SPECIALS.indexOf(next)));
                i++;
            } else if (c == '\\' && next == '\\') {
                out.append(BACKSLASH_PLACEHOLDER);
                i++;
            } else if (c == '\\' && next == 'n') {
                out.append(NEWLINE_PLACEHOLDER);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String restore(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= FIRST_PLACEHOLDER && c < BACKSLASH_PLACEHOLDER) {
                out.append(SPECIALS.charAt(c - FIRST_PLACEHOLDER));
            } else if (c == BACKSLASH_PLACEHOLDER) {
                out.append('\\');
            } else if (c == NEWLINE_PLACEHOLDER) {
                out.append('\n');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static Marked marked(String text, TextFormat fallback) {
        Matcher marker = FORMAT_MARKER.matcher(text);
        if (!marker.find()) {
            return new Marked(fallback, text);
        }
        return new Marked(TextFormat.valueOf(marker.group(1).toUpperCase(Locale.ROOT)),
                text.substring(marker.end()));
    }

    /** Protected GIFT text, possibly with a format marker, as the plain text stored for a question. */
    static String plainText(String protectedText, TextFormat fallback) {
        return plainText(marked(protectedText.strip(), fallback));
    }

    /** Text whose marker is already taken off: a second marker in it is text, as in Moodle. */
    static String plainText(Marked marked) {
        String text = restore(marked.text());
        return (marked.format() == TextFormat.HTML ? htmlToText(text) : text).strip();
    }

    /** Moodle exports most texts as HTML; the study app shows plain text. */
    private static String htmlToText(String html) {
        String text = HTML_TAG.matcher(HTML_LINE_BREAK.matcher(html).replaceAll("\n")).replaceAll("");
        for (Map.Entry<String, String> entity : NAMED_ENTITIES.entrySet()) {
            text = text.replace(entity.getKey(), entity.getValue());
        }
        text = NUMERIC_ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(character(entity.group())));
        return text.replace("&amp;", "&");
    }

    /** The character of an entity such as {@code &#21834;} or {@code &#x554a;}; a nonsense number stays as written. */
    private static String character(String entity) {
        String number = entity.substring(2, entity.length() - 1);
        try {
            return Character.toString(number.startsWith("x")
                    ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number));
        } catch (IllegalArgumentException notACharacter) {
            return entity;
        }
    }

    /**
     * Text written so that a GIFT reader gets it back unchanged: specials escaped, line breaks as {@code \n}, and
     * a {@code [plain]} marker in front of text that would otherwise read as a format marker or a comment.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if (c == '\\') {
                out.append("\\\\");
            } else if (SPECIALS.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c != '\r') {
                out.append(c);
            }
        }
        String escaped = out.toString();
        boolean misleadingStart = FORMAT_MARKER.matcher(escaped).find() || escaped.startsWith("//");
        return misleadingStart ? "[plain]" + escaped : escaped;
    }
}
