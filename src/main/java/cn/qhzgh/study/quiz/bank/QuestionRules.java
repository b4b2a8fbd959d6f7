package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_ACCEPTED_ANSWERS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_ACCEPTED_ANSWER_CHARS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_EXPLANATION_CHARS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_MODULE_CODE_CHARS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_OPTIONS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_OPTION_CHARS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_STEM_CHARS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_TAGS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MAX_TAG_CHARS;
import static cn.qhzgh.study.quiz.bank.BankLimits.MIN_OPTIONS;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks every uploaded question passes, whatever its file format. Also brings a question to canonical form:
 * trimmed texts, blank optional texts as {@code null}, answer keys sorted, true/false options A 正确 / B 错误.
 */
public final class QuestionRules {

    private static final Pattern MODULE_CODE = Pattern.compile("\\d+(\\.\\d+)*");
    private static final List<QuestionOption> TRUE_FALSE_OPTIONS = List.of(
            new QuestionOption(BankSyntax.TRUE_KEY, BankSyntax.TRUE_TEXT),
            new QuestionOption(BankSyntax.FALSE_KEY, BankSyntax.FALSE_TEXT));

    /** The canonical draft, and every problem found; importable only when problems is empty. */
    public record Checked(QuestionDraft draft, List<BankProblem> problems) {
    }

    private final long location;
    private final Set<String> reportedFields;
    private final List<BankProblem> problems = new ArrayList<>();

    private QuestionRules(long location, Set<String> reportedFields) {
        this.location = location;
        this.reportedFields = reportedFields;
    }

    /**
     * @param reportedFields fields the format reader already found wrong; checking them again would only restate
     *                       that, e.g. "no correct answer" after "the question has no ANSWER line". A {@code null}
     *                       type is such a case: only what does not depend on the type is checked.
     */
    public static Checked check(long location, QuestionDraft question, Set<String> reportedFields) {
        QuestionRules rules = new QuestionRules(location, reportedFields);
        QuestionDraft canonical = rules.canonical(question);
        return new Checked(canonical, List.copyOf(rules.problems));
    }

    private QuestionDraft canonical(QuestionDraft question) {
        QuestionType type = question.type();
        List<QuestionOption> options = stripped(question.options());
        List<String> answer = question.answer() == null ? List.of() : question.answer();
        String stem = checkStem(strip(question.stem()));
        if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE) {
            checkChoiceOptions(type, options);
            answer = choiceAnswer(type, options, answer);
        } else if (type == QuestionType.TRUE_FALSE) {
            checkTrueFalseOptions(options);
            options = TRUE_FALSE_OPTIONS;
            answer = trueFalseAnswer(answer);
        } else if (type == QuestionType.FILL_BLANK) {
            if (!options.isEmpty()) {
                add("options", "a fill-in-the-blank question has no options; found " + options.size());
            }
            answer = acceptedAnswers(answer);
        }
        String explanation = blankToNull(question.explanation());
        if (explanation != null && length(explanation) > MAX_EXPLANATION_CHARS) {
            add("explanation", tooLong(explanation, MAX_EXPLANATION_CHARS));
        }
        return new QuestionDraft(type, stem, options, answer, explanation, checkModuleCode(question.moduleCode()),
                blankToNull(question.keyPhrase()), checkTags(question.tags()));
    }

    private String checkStem(String stem) {
        if (stem.isEmpty()) {
            add("stem", "is empty");
        } else if (length(stem) > MAX_STEM_CHARS) {
            add("stem", tooLong(stem, MAX_STEM_CHARS));
        }
        return stem;
    }

    private void checkChoiceOptions(QuestionType type, List<QuestionOption> options) {
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            add("options", (type == QuestionType.SINGLE_CHOICE ? "a single-choice" : "a multiple-choice")
                    + " question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options; found " + options.size());
        }
        Map<String, String> fieldByNormalText = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            QuestionOption option = options.get(i);
            String field = optionField(i);
            if (!option.key().equals(BankSyntax.optionKey(i))) {
                add("options", "option " + (i + 1) + " has key '" + option.key() + "'; keys run A, B, C… in order");
            }
            if (option.text().isEmpty()) {
                add(field, "is empty");
                continue;
            }
            if (length(option.text()) > MAX_OPTION_CHARS) {
                add(field, tooLong(option.text(), MAX_OPTION_CHARS));
            }
            String earlier = fieldByNormalText.putIfAbsent(TextNormalizer.normalize(option.text()), field);
            if (earlier != null) {
                add(field, "has the same text as " + earlier);
            }
        }
    }

    private List<String> choiceAnswer(QuestionType type, List<QuestionOption> options, List<String> answer) {
        TreeSet<String> keys = new TreeSet<>();
        for (String token : answer) {
            String key = BankSyntax.optionKey(token);
            if (key.isEmpty()) {
                continue;
            }
            if (options.stream().noneMatch(option -> option.key().equals(key))) {
                add("answer", "names option " + key + ", which the question does not have");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            add("answer", "no correct answer is given");
        } else if (type == QuestionType.SINGLE_CHOICE && keys.size() > 1) {
            add("answer", "a single-choice question has exactly one answer; found " + String.join(", ", keys));
        }
        return List.copyOf(keys);
    }

    private void checkTrueFalseOptions(List<QuestionOption> options) {
        boolean truePair = options.size() == 2
                && BankSyntax.truthKey(options.get(0).text()).filter(BankSyntax.TRUE_KEY::equals).isPresent()
                && BankSyntax.truthKey(options.get(1).text()).filter(BankSyntax.FALSE_KEY::equals).isPresent();
        if (!options.isEmpty() && !truePair) {
            add("options", "a true/false question has no options, or exactly A 正确 and B 错误");
        }
    }

    private List<String> trueFalseAnswer(List<String> answer) {
        List<String> given = answer.stream().map(QuestionRules::strip).filter(token -> !token.isEmpty()).toList();
        if (given.isEmpty()) {
            add("answer", "no correct answer is given; write " + BankSyntax.TRUTH_HINT);
            return List.of();
        }
        Optional<String> key = given.size() == 1 ? BankSyntax.truthKey(given.get(0)) : Optional.empty();
        if (key.isEmpty()) {
            add("answer", "'" + String.join(", ", given) + "' is not true or false; write " + BankSyntax.TRUTH_HINT);
            return List.of();
        }
        return List.of(key.get());
    }

    private List<String> acceptedAnswers(List<String> answer) {
        Map<String, String> acceptedByNormalText = new LinkedHashMap<>();
        for (String token : answer) {
            String accepted = strip(token);
            if (accepted.isEmpty()) {
                continue;
            }
            if (length(accepted) > MAX_ACCEPTED_ANSWER_CHARS) {
                add("answer", "accepted answer '" + accepted + "' " + tooLong(accepted, MAX_ACCEPTED_ANSWER_CHARS));
            }
            if (BankSyntax.ACCEPTED_ANSWER_SEPARATOR.matcher(accepted).find()) {
                add("answer", "accepted answer '" + accepted + "' contains | or ；, which separate accepted answers");
            }
            acceptedByNormalText.putIfAbsent(TextNormalizer.normalize(accepted), accepted);
        }
        if (acceptedByNormalText.isEmpty()) {
            add("answer", "no accepted answer is given");
        } else if (acceptedByNormalText.size() > MAX_ACCEPTED_ANSWERS) {
            add("answer", "has " + acceptedByNormalText.size() + " accepted answers; at most " + MAX_ACCEPTED_ANSWERS);
        }
        return List.copyOf(acceptedByNormalText.values());
    }

    private String checkModuleCode(String text) {
        String moduleCode = blankToNull(text);
        if (moduleCode != null && (moduleCode.length() > MAX_MODULE_CODE_CHARS || !MODULE_CODE.matcher(moduleCode).matches())) {
            add("module_code", "'" + moduleCode + "' is not a module code such as 0, 3 or 3.1");
        }
        return moduleCode;
    }

    private List<String> checkTags(List<String> given) {
        List<String> tags = given == null ? List.of()
                : given.stream().map(QuestionRules::strip).filter(tag -> !tag.isEmpty()).toList();
        if (tags.size() > MAX_TAGS) {
            add("tags", "has " + tags.size() + " tags; at most " + MAX_TAGS);
        }
        for (String tag : tags) {
            if (length(tag) > MAX_TAG_CHARS) {
                add("tags", "tag '" + tag + "' " + tooLong(tag, MAX_TAG_CHARS));
            }
            if (BankSyntax.TAG_SEPARATOR.matcher(tag).find()) {
                add("tags", "tag '" + tag + "' contains one of , ， 、 ; ；, which separate tags");
            }
        }
        return tags;
    }

    private static List<QuestionOption> stripped(List<QuestionOption> options) {
        return options == null ? List.of() : options.stream()
                .map(option -> new QuestionOption(BankSyntax.optionKey(option.key()), strip(option.text())))
                .toList();
    }

    static String optionField(int index) {
        return "option_" + BankSyntax.optionKey(index).toLowerCase(Locale.ROOT);
    }

    private void add(String field, String message) {
        if (reportedFields.contains(field)) {
            return;
        }
        problems.add(new BankProblem(location, field, message));
    }

    private static String tooLong(String text, int max) {
        return "has " + length(text) + " characters; at most " + max;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
