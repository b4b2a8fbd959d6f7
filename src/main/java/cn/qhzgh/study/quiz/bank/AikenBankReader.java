package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Aiken banks (https://docs.moodle.org/en/Aiken_format): stem line(s), options {@code A. text} or
 * {@code A) text}, then {@code ANSWER: B}. Every question is single-choice. A question ends at its ANSWER line
 * or at a blank line; problems are reported at the question's first line.
 */
final class AikenBankReader {

    /** Full-width delimiters too, as Chinese input methods type them. */
    private static final Pattern OPTION = Pattern.compile("^([A-Z])\\s*[.)．、）]\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^(?i:ANSWER|答案)\\s*[:：]\\s*(.*)$");

    private AikenBankReader() {
    }

    static void read(byte[] content, BankCollector collector) {
        List<String> lines = BankText.lines(content);
        PendingQuestion question = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                if (question != null && !collector.accept(question.unanswered())) {
                    return;
                }
                question = null;
                continue;
            }
            if (question == null) {
                question = new PendingQuestion(i + 1);
            }
            Matcher answer = ANSWER.matcher(line);
            if (answer.matches()) {
                if (!collector.accept(question.answered(answer.group(1)))) {
                    return;
                }
                question = null;
            } else {
                question.add(line, i + 1);
            }
        }
        if (question != null) {
            collector.accept(question.unanswered());
        }
    }

    /** The lines of a question read so far, up to its ANSWER line. */
    private static final class PendingQuestion {

        private final long location;
        private final List<String> stem = new ArrayList<>();
        private final List<QuestionOption> options = new ArrayList<>();
        private final List<BankProblem> problems = new ArrayList<>();

        PendingQuestion(long location) {
            this.location = location;
        }

        void add(String line, long lineNumber) {
            Matcher option = OPTION.matcher(line);
            if (option.matches()) {
                options.add(new QuestionOption(option.group(1), option.group(2)));
            } else if (options.isEmpty()) {
                stem.add(line);
            } else {
                problems.add(new BankProblem(location, "options", "line " + lineNumber
                        + " is neither an option such as 'C. …' nor the 'ANSWER: …' line"));
            }
        }

        ParsedQuestion answered(String answer) {
            List<String> keys = BankSyntax.splitAnswer(QuestionType.SINGLE_CHOICE, answer);
            QuestionDraft draft = new QuestionDraft(QuestionType.SINGLE_CHOICE, String.join("\n", stem),
                    List.copyOf(options), keys, null, null, null, List.of());
            return new ParsedQuestion(location, draft, problems);
        }

        ParsedQuestion unanswered() {
            problems.add(new BankProblem(location, "answer", "the question ends without an 'ANSWER: …' line"));
            return answered("");
        }
    }
}
