package cn.qhzgh.study.quiz.generation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the number sits inside a phrase ({@code 新时代|10|年}, {@code 第|二十|次}, {@code |百万|职工}), so that the
 * phrase can be rewritten with a nearby wrong number for distractors and false statements.
 */
record NumberSlot(String prefix, String numeral, String suffix, int value, Style style) {

    enum Style { ARABIC, CHINESE, MAGNITUDE }

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MAGNITUDE_WORD = Pattern.compile("[十百千]万");
    private static final int WAN = 10_000;

    /** The first number in the text, whichever way it is written. */
    static Optional<NumberSlot> find(String text) {
        Matcher digits = DIGITS.matcher(text);
        if (digits.find()) {
            return Optional.of(at(text, digits.start(), digits.end(), Integer.parseInt(digits.group()), Style.ARABIC));
        }
        Matcher magnitude = MAGNITUDE_WORD.matcher(text);
        if (magnitude.find()) {
            return Optional.of(at(text, magnitude.start(), magnitude.end(),
                    magnitudeValue(magnitude.group()), Style.MAGNITUDE));
        }
        for (int i = 0; i < text.length(); i++) {
            int length = ChineseNumerals.numeralLengthAt(text, i);
            if (length > 0) {
                return Optional.of(at(text, i, i + length,
                        ChineseNumerals.parse(text.substring(i, i + length)), Style.CHINESE));
            }
        }
        return Optional.empty();
    }

    /** A number word opening the text, as in 四个意识, 十四五 or 三微一端. */
    static Optional<NumberSlot> leading(String text) {
        int length = ChineseNumerals.numeralLengthAt(text, 0);
        return length == 0 ? Optional.empty()
                : Optional.of(at(text, 0, length, ChineseNumerals.parse(text.substring(0, length)), Style.CHINESE));
    }

    String with(int newValue) {
        return prefix + write(newValue) + suffix;
    }

    /** Nearby wrong numbers written like the original, nearest first. */
    List<String> variants() {
        Set<Integer> values = new LinkedHashSet<>();
        switch (style) {
            case ARABIC -> values.addAll(List.of(value - 1, value + 1, value % 2 == 0 ? value / 2 : value - 2,
                    value * 2));
            case CHINESE -> values.addAll(List.of(value - 1, value + 1, value - 2, value + 2));
            case MAGNITUDE -> values.addAll(List.of(value / 10, value * 10, value / 2));
        }
        // 一个意识 is no formula, but 第一个百年 is a fine ordinal.
        int smallest = style == Style.CHINESE && !isOrdinal() ? 2 : 1;
        List<String> variants = new ArrayList<>();
        for (int candidate : values) {
            if (candidate != value && candidate >= smallest && writable(candidate)) {
                variants.add(with(candidate));
            }
        }
        return variants;
    }

    private boolean writable(int candidate) {
        return switch (style) {
            case ARABIC -> true;
            case CHINESE -> candidate <= 99;
            case MAGNITUDE -> candidate % WAN == 0
                    && (candidate / WAN <= 99 || candidate / WAN == 100 || candidate / WAN == 1000);
        };
    }

    private boolean isOrdinal() {
        return prefix.endsWith("第");
    }

    private String write(int newValue) {
        return switch (style) {
            case ARABIC -> String.valueOf(newValue);
            case CHINESE -> ChineseNumerals.format(newValue, !isOrdinal());
            case MAGNITUDE -> magnitudeWord(newValue);
        };
    }

    private static NumberSlot at(String text, int start, int end, int value, Style style) {
        return new NumberSlot(text.substring(0, start), text.substring(start, end), text.substring(end), value, style);
    }

    private static int magnitudeValue(String word) {
        int multiplier = switch (word.charAt(0)) {
            case '十' -> 10;
            case '百' -> 100;
            default -> 1000;
        };
        return multiplier * WAN;
    }

    private static String magnitudeWord(int value) {
        int count = value / WAN;
        return switch (count) {
            case 100 -> "百万";
            case 1000 -> "千万";
            default -> ChineseNumerals.format(count, false) + "万";
        };
    }
}
