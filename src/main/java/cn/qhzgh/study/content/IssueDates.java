package cn.qhzgh.study.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as official documents write them: 2022年11月15日 or in Chinese numerals, 二〇二二年十一月十五日. */
final class IssueDates {

    private static final String YEAR = "(\\d{4}|[〇○零一二三四五六七八九]{4})";
    private static final String MONTH_OR_DAY = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
    static final String DATE = YEAR + "\\s*年\\s*" + MONTH_OR_DAY + "\\s*月\\s*" + MONTH_OR_DAY + "\\s*日";
    private static final Pattern ANY_DATE = Pattern.compile(DATE);
    /** A line that is only a date, or a date in brackets with a note such as （2022年10月16日…通过）. */
    private static final Pattern DATE_LINE = Pattern.compile("^(?:" + DATE + "|[（(]\\s*" + DATE + "[^（）()]{0,40}[）)])$");
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";

    private IssueDates() {
    }

    static boolean isDateLine(String text) {
        return DATE_LINE.matcher(text.replace("**", "").strip()).matches();
    }

    /** The first date in {@code text}, when it is a real calendar date. */
    static Optional<LocalDate> firstDate(String text) {
        Matcher matcher = ANY_DATE.matcher(text);
        return matcher.find() ? of(matcher.group(1), matcher.group(2), matcher.group(3)) : Optional.empty();
    }

    static Optional<LocalDate> of(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(number(year), number(month), number(day)));
        } catch (DateTimeException impossibleDate) {
            return Optional.empty();
        }
    }

    private static int number(String written) {
        if (Character.isDigit(written.charAt(0)) && written.charAt(0) < '〇') {
            return Integer.parseInt(written);
        }
        if (written.length() == 4 && written.indexOf('十') < 0) {
            int year = 0;
            for (char digit : written.toCharArray()) {
                year = year * 10 + chineseDigit(digit);
            }
            return year;
        }
        int ten = written.indexOf('十');
        if (ten < 0) {
            return chineseDigit(written.charAt(0));
        }
        int tens = ten == 0 ? 1 : chineseDigit(written.charAt(0));
        int units = ten == written.length() - 1 ? 0 : chineseDigit(written.charAt(ten + 1));
        return tens * 10 + units;
    }

    private static int chineseDigit(char digit) {
        if (digit == '○' || digit == '零') {
            return 0;
        }
        int value = CHINESE_DIGITS.indexOf(digit);
        if (value < 0) {
            throw new DateTimeException("not a digit: " + digit);
        }
        return value;
    }
}
