package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.bank.GiftSyntax.Marked;
import cn.qhzgh.study.quiz.bank.GiftSyntax.TextFormat;
import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes one GIFT question apart: {@code ::title::}, text, one answer block {@code {…}} with an optional
 * {@code ####general feedback}, optional text after the block. Follows Moodle's reading of the answer block.
 */
final class GiftQuestionParser {

    private static final Pattern WEIGHT = Pattern.compile("^\\s*%(-?\\d+(?:\\.\\d+)?)%");
    private static final Pattern ANSWER_START = Pattern.compile("(?=[~=])");
    private static final Set<String> TRUE_WORDS = Set.of("T", "TRUE");
    private static final Set<String> FALSE_WORDS = Set.of("F", "FALSE");

    /** One answer of a choice or short-answer block: its mark (= or ~), %weight% if given, and its text. */
    private record GiftAnswer(char mark, BigDecimal weight, String text) {
    }

    private final long location;
    private final String moduleCode;
    private final List<String> tags;

    private GiftQuestionParser(long location, String moduleCode, List<String> tags) {
        this.location = location;
        this.moduleCode = moduleCode;
        this.tags = tags;
    }

    static ParsedQuestion parse(long location, String text, String moduleCode, List<String> tags) {
        return new GiftQuestionParser(location, moduleCode, tags).parse(GiftSyntax.protect(text).strip());
    }

    private ParsedQuestion parse(String text) {
        if (text.startsWith("::")) {
            int titleEnd = text.indexOf("::", 2);
            if (titleEnd < 0) {
                return failure("stem", "the question title is not closed with ::");
            }
            text = text.substring(titleEnd + 2).strip();
        }
        int open = text.indexOf('{');
        int close = text.indexOf('}');
        if (open < 0 && close < 0) {
            return failure("answer", "has no answer block {…}; text without one is a description, not a question");
        }
        if (open < 0 || close < open) {
            return failure("answer", "the braces of the answer block do not match; write \\{ or \\} for a literal brace");
        }
        if (text.indexOf('{', open + 1) >= 0 || text.indexOf('}', close + 1) >= 0) {
            return failure("answer", "has more than one answer block {…}; a question has exactly one");
        }
        String after = text.substring(close + 1);
        String stemText = after.isBlank() ? text.substring(0, open) : text.substring(0, open) + GiftSyntax.BLANK + after;
        Marked stem = GiftSyntax.marked(stemText.strip(), TextFormat.MOODLE);
        String answers = text.substring(open + 1, close);
        String explanation = null;
        int generalFeedback = answers.lastIndexOf("####");
        if (generalFeedback >= 0) {
            explanation = GiftSyntax.plainText(answers.substring(generalFeedback + 4), stem.format());
            answers = answers.substring(0, generalFeedback);
        }
        return answerBlock(GiftSyntax.plainText(stem), answers.strip(), stem.format(), explanation);
    }

    /** Tells the question type the way Moodle does: essay, numerical, choice, matching, true/false, short answer. */
    private ParsedQuestion answerBlock(String stem, String answers, TextFormat format, String explanation) {
        if (answers.isEmpty()) {
            return failure("type", "essay questions {} are not supported");
        }
        if (answers.startsWith("#")) {
            return failure("type", "numerical questions {#…} are not supported");
        }
        if (answers.contains("~")) {
            return choice(stem, answers, format, explanation);
        }
        if (answers.contains("=") && answers.contains("->")) {
            return failure("type", "matching questions {=… -> …} are not supported");
        }
        String truth = answers.split("#", 2)[0].strip().toUpperCase(Locale.ROOT);
        if (TRUE_WORDS.contains(truth) || FALSE_WORDS.contains(truth)) {
            String key = TRUE_WORDS.contains(truth) ? BankSyntax.TRUE_KEY : BankSyntax.FALSE_KEY;
            return question(QuestionType.TRUE_FALSE, stem, List.of(), List.of(key), explanation);
        }
        if (answers.startsWith("=")) {
            List<String> accepted = answers(answers, format).stream()
                    .filter(answer -> answer.weight() == null || answer.weight().signum() > 0)
                    .map(GiftAnswer::text)
                    .toList();
            return question(QuestionType.FILL_BLANK, stem, List.of(), accepted, explanation);
        }
        return failure("answer", "cannot tell the question type: answers start with = or ~, or are T or F");
    }

    /** As in Moodle, a block with an = answer has one right answer; without, every positive %weight% is right. */
    private ParsedQuestion choice(String stem, String answers, TextFormat format, String explanation) {
        if (!answers.startsWith("~") && !answers.startsWith("=")) {
            return failure("answer", "each answer starts with = (right) or ~ (wrong)");
        }
        List<GiftAnswer> parsed = answers(answers, format);
        boolean single = parsed.stream().anyMatch(answer -> answer.mark() == '=');
        List<QuestionOption> options = new ArrayList<>();
        List<String> correct = new ArrayList<>();
        for (GiftAnswer answer : parsed) {
            String key = BankSyntax.optionKey(options.size());
            options.add(new QuestionOption(key, answer.text()));
            boolean right = single ? answer.mark() == '=' : answer.weight() != null && answer.weight().signum() > 0;
            if (right) {
                correct.add(key);
            }
        }
        QuestionType type = single ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE;
        return question(type, stem, options, correct, explanation);
    }

    /** Splits a block that starts with = or ~ into its answers, dropping per-answer feedback (#…). */
    private static List<GiftAnswer> answers(String answers, TextFormat format) {
        List<GiftAnswer> parsed = new ArrayList<>();
        for (String part : ANSWER_START.split(answers)) {
            String rest = part.substring(1);
            BigDecimal weight = null;
            Matcher weightMatch = WEIGHT.matcher(rest);
            if (weightMatch.find()) {
                weight = new BigDecimal(weightMatch.group(1));
                rest = rest.substring(weightMatch.end());
            }
            String text = rest.split("#", 2)[0];
            parsed.add(new GiftAnswer(part.charAt(0), weight, GiftSyntax.plainText(text, format)));
        }
        return parsed;
    }

    private ParsedQuestion question(QuestionType type, String stem, List<QuestionOption> options, List<String> answer,
                                    String explanation) {
        QuestionDraft draft = new QuestionDraft(type, stem, options, answer, explanation, moduleCode, null, tags);
        return new ParsedQuestion(location, draft, List.of());
    }

    private ParsedQuestion failure(String field, String message) {
        return new ParsedQuestion(location, null, List.of(new BankProblem(location, field, message)));
    }
}
