package cn.qhzgh.study.quiz.generation;

/** Reads and writes the Chinese number words used in formulas and ordinals (一 to 九十九, 两 for two). */
final class ChineseNumerals {

    private static final String DIGITS = "一二三四五六七八九";
    private static final int MAX_LENGTH = 3;

    private ChineseNumerals() {
    }

    static boolean isNumeralChar(char c) {
        return DIGITS.indexOf(c) >= 0 || c == '十' || c == '两';
    }

    /** Value of the whole text as a number word, or -1 when it is not one. */
    static int parse(String text) {
        if (text.equals("两")) {
            return 2;
        }
        int ten = text.indexOf('十');
        if (ten < 0) {
            return text.length() == 1 ? digit(text.charAt(0)) : -1;
        }
        if (ten > 1 || text.length() > ten + 2) {
            return -1;
        }
        int tens = ten == 0 ? 1 : digit(text.charAt(0));
        int units = text.length() == ten + 2 ? digit(text.charAt(ten + 1)) : 0;
        // 一十 is not written, and a unit digit may not be missing in between.
        if (tens <= 0 || units < 0 || (ten == 1 && tens == 1)) {
            return -1;
        }
        return tens * 10 + units;
    }

    /** Length of the longest number word starting at {@code from}, 0 when none: 十四五 yields 2 (十四). */
    static int numeralLengthAt(String text, int from) {
        for (int length = Math.min(MAX_LENGTH, text.length() - from); length > 0; length--) {
            if (parse(text.substring(from, from + length)) > 0) {
                return length;
            }
        }
        return 0;
    }

    /** Writes 1–99; {@code counted} selects 两 over 二 for a lone two, as in 两个确立 (but 第二个, 十二). */
    static String format(int value, boolean counted) {
        if (value < 1 || value > 99) {
            throw new IllegalArgumentException("number word out of range: " + value);
        }
        if (value < 10) {
            return value == 2 && counted ? "两" : String.valueOf(DIGITS.charAt(value - 1));
        }
        String tens = value < 20 ? "" : String.valueOf(DIGITS.charAt(value / 10 - 1));
        String units = value % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(value % 10 - 1));
        return tens + "十" + units;
    }

    private static int digit(char c) {
        int index = DIGITS.indexOf(c);
        return index < 0 ? -1 : index + 1;
    }
}
