package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionType;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** How question types, answers and tags are written in text cells, shared by the spreadsheet and JSON readers. */
final class BankSyntax {

    static final String TRUE_KEY = "A";
    static final String FALSE_KEY = "B";
    static final String TRUE_TEXT = "正确";
    static final String FALSE_TEXT = "错误";
    static final String TYPE_HINT = "use SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, FILL_BLANK or 单选/多选/判断/填空";
    static final String TRUTH_HINT = "正确 or 错误 (also 对/错, √/×, T/F, true/false, 是/否, A/B)";

    /** Accepted texts of a fill-in-the-blank answer are written in one cell, separated by these. */
    static final Pattern ACCEPTED_ANSWER_SEPARATOR = Pattern.compile("[|｜；]");
    static final Pattern TAG_SEPARATOR = Pattern.compile("[,，、;；]");
    private static final Pattern CHOICE_KEY_SEPARATOR = Pattern.compile("[\\s,，、;；/]+");

    private static final Map<String, QuestionType> TYPE_NAMES = Map.of(
            "单选", QuestionType.SINGLE_CHOICE, "单选题", QuestionType.SINGLE_CHOICE,
            "多选", QuestionType.MULTIPLE_CHOICE, "多选题", QuestionType.MULTIPLE_CHOICE,
            "判断", QuestionType.TRUE_FALSE, "判断题", QuestionType.TRUE_FALSE,
            "填空", QuestionType.FILL_BLANK, "填空题", QuestionType.FILL_BLANK);
    private static final Set<String> TRUE_WORDS = Set.of("正确", "对", "√", "✓", "t", "true", "是", "a");
    private static final Set<String> FALSE_WORDS = Set.of("错误", "错", "×", "✗", "f", "false", "否", "b");

    private BankSyntax() {
    }

    /** The type named in English (any case) or Chinese, e.g. {@code single_choice} or {@code 单选题}. */
    static Optional<QuestionType> type(String text) {
        String name = fold(text);
        return Arrays.stream(QuestionType.values())
                .filter(type -> type.name().equalsIgnoreCase(name))
                .findFirst()
                .or(() -> Optional.ofNullable(TYPE_NAMES.get(name)));
    }

    /**
     * Splits an answer cell into tokens for the question type: option letters ({@code ACD}, {@code A,C,D},
     * {@code A、C、D}) for choice questions, the whole cell for true/false, accepted texts for fill-in-the-blank.
     */
    static List<String> splitAnswer(QuestionType type, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> CHOICE_KEY_SEPARATOR.matcher(fold(text)).replaceAll("")
                    .codePoints().mapToObj(Character::toString).toList();
            case TRUE_FALSE -> List.of(text.strip());
            case FILL_BLANK -> ACCEPTED_ANSWER_SEPARATOR.splitAsStream(text).map(String::strip)
                    .filter(accepted -> !accepted.isEmpty()).toList();
        };
    }

    static List<String> splitTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return TAG_SEPARATOR.splitAsStream(text).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    /** {@link #TRUE_KEY} or {@link #FALSE_KEY} for a word meaning true or false, e.g. 对, ×, T, 是. */
    static Optional<String> truthKey(String text) {
        String word = fold(text).toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return Optional.of(TRUE_KEY);
        }
        return FALSE_WORDS.contains(word) ? Optional.of(FALSE_KEY) : Optional.empty();
    }

    /** An option key as typed ({@code c}, {@code Ｃ}, {@code " C "}) in canonical form ({@code C}). */
    static String optionKey(String text) {
        return fold(text).toUpperCase(Locale.ROOT);
    }

    static String optionKey(int index) {
        return String.valueOf((char) ('A' + index));
    }

    /** Full-width letters and punctuation fold to ASCII so that {@code Ａ，Ｃ} reads like {@code A,C}. */
    private static String fold(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }
}
