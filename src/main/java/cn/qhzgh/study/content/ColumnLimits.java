package cn.qhzgh.study.content;

import java.util.List;

/**
 * The longest text each column written by the notice import holds (the VARCHAR lengths of V2, counted in
 * characters as MySQL counts them). A longer value is cut to fit and reported, never left for the database to refuse.
 */
final class ColumnLimits {

    static final int ISSUER = 128;
    static final int NOTICE_TITLE = 255;
    static final int ADDRESSEES = 1000;
    static final int CC_LINE = 1000;
    static final int ISSUING_OFFICE = 128;
    static final int MODULE_TITLE = 255;
    static final int SIGNATURE = 255;

    private static final int EXCERPT_LENGTH = 20;

    private ColumnLimits() {
    }

    /** {@code value} cut to {@code limit} characters, with a warning on {@code line} naming {@code what} if it was cut. */
    static String fit(String value, int limit, String what, int line, List<ImportWarning> warnings) {
        if (value == null || value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        String cut = value.substring(0, value.offsetByCodePoints(0, limit));
        warnings.add(new ImportWarning(ImportWarning.VALUE_TRUNCATED, line, excerpt(value),
                what + "有" + value.codePointCount(0, value.length()) + "字，超过上限" + limit + "字，已只保留前" + limit
                        + "字，请核对原文是否把标题与正文连在了一起。"));
        return cut;
    }

    static String excerpt(String text) {
        return text.codePointCount(0, text.length()) <= EXCERPT_LENGTH
                ? text
                : text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
    }
}
