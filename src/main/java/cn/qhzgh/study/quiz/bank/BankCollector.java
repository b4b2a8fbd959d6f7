package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.TextNormalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Receives the questions a format reader finds, applies the shared checks, finds duplicates within the file
 * and enforces {@link BankLimits#MAX_QUESTIONS}.
 */
final class BankCollector {

    private final BankFormat format;
    private final List<BankQuestion> questions = new ArrayList<>();
    private final List<BankProblem> problems = new ArrayList<>();
    private final Map<String, Long> locationByFingerprint = new HashMap<>();
    private int received;

    BankCollector(BankFormat format) {
        this.format = format;
    }

    /** @return whether the reader should go on; false once the file holds more questions than allowed */
    boolean accept(ParsedQuestion parsed) {
        if (++received > BankLimits.MAX_QUESTIONS) {
            problems.add(BankProblem.ofFile("the file has more than " + BankLimits.MAX_QUESTIONS
                    + " questions; split it into several files"));
            return false;
        }
        List<BankProblem> found = new ArrayList<>(parsed.problems());
        if (parsed.draft() != null) {
            Set<String> reportedFields = parsed.problems().stream().map(BankProblem::field).collect(Collectors.toSet());
            QuestionRules.Checked checked = QuestionRules.check(parsed.location(), parsed.draft(), reportedFields);
            found.addAll(checked.problems());
            QuestionDraft draft = checked.draft();
            if (draft.type() != null && !draft.stem().isEmpty()) {
                Long earlier = locationByFingerprint.putIfAbsent(fingerprint(draft), parsed.location());
                if (earlier != null) {
                    found.add(new BankProblem(parsed.location(), "stem",
                            "duplicates the question at " + format.locationNoun() + " " + earlier));
                }
            }
            if (found.isEmpty()) {
                questions.add(new BankQuestion(parsed.location(), draft));
            }
        }
        problems.addAll(found);
        return true;
    }

    void report(BankProblem problem) {
        problems.add(problem);
    }

    BankReadResult result() {
        if (received == 0 && problems.isEmpty()) {
            problems.add(BankProblem.ofFile("the file contains no questions"));
        }
        List<BankProblem> byLocation = problems.stream().sorted(Comparator.comparingLong(BankProblem::location)).toList();
        return new BankReadResult(questions, byLocation);
    }

    /** Same type, stem and set of options once case, width, spacing and quotes are ignored. */
    private static String fingerprint(QuestionDraft draft) {
        List<String> options = draft.options().stream().map(QuestionOption::text).map(TextNormalizer::normalize)
                .sorted().toList();
        return draft.type() + "\u0000" + TextNormalizer.normalize(draft.stem()) + "\u0000" + String.join("\u0000", options);
    }
}
