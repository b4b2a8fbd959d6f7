package cn.qhzgh.study.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something in the source an admin should review; the parser never rewrites the wording it warns about.
 * {@code line} is the 1-based line number in the source file.
 */
public record ImportWarning(
        @Schema(required = true, example = "SPACED_NUMBER")
        String kind,
        @Schema(required = true, example = "33")
        int line,
        @Schema(required = true, example = "新时代 10 年的伟大变革", nullable = true)
        String excerpt,
        @Schema(required = true, example = "spaces around a number inside Chinese text were removed")
        String message) {

    public static final String LATIN_WORD_IN_CHINESE_TEXT = "LATIN_WORD_IN_CHINESE_TEXT";
    public static final String SPACED_NUMBER = "SPACED_NUMBER";
    public static final String PAGE_BREAK_JOINED = "PAGE_BREAK_JOINED";
    public static final String UNTERMINATED_PARAGRAPH = "UNTERMINATED_PARAGRAPH";
    public static final String PAGE_NUMBER_DROPPED = "PAGE_NUMBER_DROPPED";
    public static final String UNRECOGNISED_HEADING = "UNRECOGNISED_HEADING";
    public static final String NUMBERING_OUT_OF_SEQUENCE = "NUMBERING_OUT_OF_SEQUENCE";
    public static final String HEADING_RUN_INTO_PARAGRAPH = "HEADING_RUN_INTO_PARAGRAPH";
    public static final String VALUE_TRUNCATED = "VALUE_TRUNCATED";
    public static final String RUNNING_HEADER_DROPPED = "RUNNING_HEADER_DROPPED";
    public static final String FOOTNOTE_KEPT = "FOOTNOTE_KEPT";
    public static final String MODULE_SPLIT = "MODULE_SPLIT";
    public static final String LONG_MODULE = "LONG_MODULE";
    public static final String COVER_LETTER_FRAME = "COVER_LETTER_FRAME";
}
