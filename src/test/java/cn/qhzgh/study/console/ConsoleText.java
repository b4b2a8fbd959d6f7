package cn.qhzgh.study.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** What the console should show for an API figure, written independently of its JavaScript (shared/format.js). */
final class ConsoleText {

    private ConsoleText() {
    }

    static String count(long value) {
        if (value >= 100_000_000) {
            return oneDecimal(value / 1e8) + "亿";
        }
        if (value >= 10_000) {
            return oneDecimal(value / 1e4) + "万";
        }
        return NumberFormat.getIntegerInstance(Locale.SIMPLIFIED_CHINESE).format(value);
    }

    /** Tenths of a percent, halves rounded up: the API's four decimals never sit on a binary rounding edge then. */
    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", Math.round(rate * 1000) / 10.0);
    }

    private static String oneDecimal(double value) {
        String text = BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
