package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects degenerate questions. Rules, checked in this order: a stem and an explanation are present; options are
 * keyed A, B, C… in order and none is empty or longer than 40 characters; no two options are equal after
 * normalisation; answer keys exist among the options; per type, SINGLE_CHOICE has exactly 4 options (1 answer and 3
 * distractors) and one answer, MULTIPLE_CHOICE has 4 to 8 options with at least 2 correct and at least 1 wrong,
 * TRUE_FALSE has exactly A 正确 and B 错误 and one answer, FILL_BLANK has no options and at least one accepted text;
 * choice and fill-in stems contain a blank; a stem is not just a heading of the document with a blank (context rule:
 * 坚决做到“____”。 from the heading 1．坚决做到“两个维护”。); no correct text is visible in the stem, compared after
 * normalisation.
 * A rejection reads {@code CODE: explanation}.
 */
public final class QualityGate {

    static final int MAX_OPTION_LENGTH = 40;
    static final String CHOICE_BLANK = "（　　）";
    static final String FILL_IN_BLANK = "____";
    static final String MULTIPLE_CHOICE_PROMPT = "横线处应填入的内容包括";
    static final java.util.regex.Pattern LEADING_NUMBERING = java.util.regex.Pattern.compile(
            "^\\s*(?:[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9０-９]{1,2}[．.、])");
    private static final String KEYS = "ABCDEFGH";
    private static final int SINGLE_CHOICE_OPTIONS = 4;
    private static final int MIN_MULTIPLE_CHOICE_OPTIONS = 4;
    private static final List<QuestionOption> TRUE_FALSE_OPTIONS =
            List.of(new QuestionOption("A", "正确"), new QuestionOption("B", "错误"));

    public Optional<String> check(QuestionDraft draft) {
        return check(draft, Set.of());
    }

    /** {@code headings} are the document's heading keys ({@link #headingKey}), for the context rule. */
    public Optional<String> check(QuestionDraft draft, Set<String> headings) {
        if (isBlank(draft.stem())) {
            return reject("EMPTY_STEM", "the stem is empty");
        }
        if (isBlank(draft.explanation())) {
            return reject("MISSING_EXPLANATION", "every question explains its answer from the source");
        }
        return checkOptions(draft.options())
                .or(() -> checkAnswerKeys(draft))
                .or(() -> switch (draft.type()) {
                    case SINGLE_CHOICE -> checkSingleChoice(draft);
                    case MULTIPLE_CHOICE -> checkMultipleChoice(draft);
                    case TRUE_FALSE -> checkTrueFalse(draft);
                    case FILL_BLANK -> checkFillBlank(draft);
                })
                .or(() -> checkBlank(draft))
                .or(() -> checkContext(draft, headings))
                .or(() -> checkAnswerHidden(draft));
    }

    private static Optional<String> checkOptions(List<QuestionOption> options) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            QuestionOption option = options.get(i);
            if (i >= KEYS.length() || !String.valueOf(KEYS.charAt(i)).equals(option.key())) {
                return reject("BAD_OPTION_KEYS", "option " + (i + 1) + " has key " + option.key()
                        + ", keys run A to H in order");
            }
            if (isBlank(option.text())) {
                return reject("EMPTY_OPTION", "option " + option.key() + " is empty");
            }
            if (option.text().length() > MAX_OPTION_LENGTH) {
                return reject("OPTION_TOO_LONG", "option " + option.key() + " has " + option.text().length()
                        + " characters, at most " + MAX_OPTION_LENGTH);
            }
            if (!seen.add(TextNormalizer.normalize(option.text()))) {
                return reject("DUPLICATE_OPTIONS", "option " + option.key() + " repeats an earlier option");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkAnswerKeys(QuestionDraft draft) {
        if (draft.type() == QuestionType.FILL_BLANK) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        draft.options().forEach(option -> keys.add(option.key()));
        for (String answer : draft.answer()) {
            if (!keys.contains(answer)) {
                return reject("ANSWER_NOT_AMONG_OPTIONS", "answer key " + answer + " is not an option");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkSingleChoice(QuestionDraft draft) {
        int options = draft.options().size();
        if (options < SINGLE_CHOICE_OPTIONS) {
            return reject("TOO_FEW_DISTRACTORS", (options - 1) + " distractors, need 3");
        }
        if (options > SINGLE_CHOICE_OPTIONS) {
            return reject("TOO_MANY_OPTIONS", options + " options, a single choice has exactly 4");
        }
        return draft.answer().size() == 1 ? Optional.empty()
                : reject("WRONG_ANSWER_COUNT", draft.answer().size() + " answers, a single choice has exactly 1");
    }

    private static Optional<String> checkMultipleChoice(QuestionDraft draft) {
        int options = draft.options().size();
        int correct = draft.answer().size();
        if (options < MIN_MULTIPLE_CHOICE_OPTIONS) {
            return reject("TOO_FEW_OPTIONS", options + " options, need at least 4");
        }
        if (correct < 2) {
            return reject("TOO_FEW_CORRECT", correct + " correct options, a multiple choice needs at least 2");
        }
        return correct < options ? Optional.empty()
                : reject("NO_WRONG_OPTION", "all " + options + " options are correct, need at least 1 wrong");
    }

    private static Optional<String> checkTrueFalse(QuestionDraft draft) {
        if (!draft.options().equals(TRUE_FALSE_OPTIONS)) {
            return reject("BAD_TRUE_FALSE_OPTIONS", "options must be exactly A 正确 and B 错误");
        }
        return draft.answer().size() == 1 ? Optional.empty()
                : reject("WRONG_ANSWER_COUNT", draft.answer().size() + " answers, a true/false question has exactly 1");
    }

    private static Optional<String> checkFillBlank(QuestionDraft draft) {
        if (!draft.options().isEmpty()) {
            return reject("FILL_BLANK_WITH_OPTIONS", "a fill-in question has no options");
        }
        return draft.answer().isEmpty() || draft.answer().stream().anyMatch(QualityGate::isBlank)
                ? reject("NO_ANSWER", "a fill-in question needs non-empty accepted texts") : Optional.empty();
    }

    private static Optional<String> checkBlank(QuestionDraft draft) {
        boolean needsBlank = draft.type() != QuestionType.TRUE_FALSE;
        boolean hasBlank = draft.stem().contains(CHOICE_BLANK) || draft.stem().contains(FILL_IN_BLANK);
        return needsBlank && !hasBlank ? reject("NO_BLANK", "the stem has no （　　） or ____ to fill") : Optional.empty();
    }

    /**
     * A stem that is only a heading of the document, once its blank is filled, gives no context to tell which phrase is
     * meant: 坚决做到“____”。 from the item heading 1．坚决做到“两个维护”。 is rejected.
     */
    private static Optional<String> checkContext(QuestionDraft draft, Set<String> headings) {
        if (headings.isEmpty()) {
            return Optional.empty();
        }
        String stem = draft.stem().replace(MULTIPLE_CHOICE_PROMPT + CHOICE_BLANK + "。", "");
        List<String> correct = correctTexts(draft);
        if (draft.type() != QuestionType.TRUE_FALSE && !correct.isEmpty()) {
            stem = stem.replace(CHOICE_BLANK, correct.get(0)).replace(FILL_IN_BLANK, correct.get(0));
        }
        return headings.contains(headingKey(stem))
                ? reject("HEADING_ONLY_STEM", "the stem is only the heading “" + stem.strip() + "” with a blank; "
                + "a question needs the sentences around a phrase as context")
                : Optional.empty();
    }

    /** A heading or a stem as compared by the context rule: no numbering, closing punctuation, quotes or spaces. */
    public static String headingKey(String text) {
        String plain = LEADING_NUMBERING.matcher(text == null ? "" : text).replaceFirst("").strip();
        plain = plain.replaceAll("[。！？；：…!?;:.，,]+$", "");
        return TextNormalizer.normalize(plain);
    }

    /** True/false stems state the phrase by design; their answer texts are 正确 or 错误. */
    private static Optional<String> checkAnswerHidden(QuestionDraft draft) {
        if (draft.type() == QuestionType.TRUE_FALSE) {
            return Optional.empty();
        }
        String stem = TextNormalizer.normalize(draft.stem());
        for (String correct : correctTexts(draft)) {
            String normalized = TextNormalizer.normalize(correct);
            if (!normalized.isEmpty() && (draft.stem().contains(correct) || stem.contains(normalized))) {
                return reject("ANSWER_IN_STEM", "the stem already shows the answer “" + correct + "”");
            }
        }
        return Optional.empty();
    }

    private static List<String> correctTexts(QuestionDraft draft) {
        if (draft.type() == QuestionType.FILL_BLANK) {
            return draft.answer();
        }
        List<String> texts = new ArrayList<>();
        draft.options().stream().filter(option -> draft.answer().contains(option.key()))
                .forEach(option -> texts.add(option.text()));
        return texts;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Optional<String> reject(String code, String explanation) {
        return Optional.of(code + ": " + explanation);
    }
}
