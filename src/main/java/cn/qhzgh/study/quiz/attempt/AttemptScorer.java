package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.TextNormalizer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Grades one answer against the answer of the version that was asked. All-or-nothing per question. */
final class AttemptScorer {

    private AttemptScorer() {
    }

    /**
     * @param picked original option keys the worker chose, or the typed text for FILL_BLANK
     */
    static boolean isCorrect(QuestionType type, List<String> answer, List<String> picked) {
        if (type == QuestionType.FILL_BLANK) {
            String typed = picked.isEmpty() ? "" : TextNormalizer.normalize(picked.get(0));
            return !typed.isEmpty() && answer.stream().map(TextNormalizer::normalize).anyMatch(typed::equals);
        }
        Set<String> chosen = new HashSet<>(picked);
        return chosen.size() == picked.size() && chosen.equals(new HashSet<>(answer));
    }

    static int score(int correct, int asked) {
        return asked == 0 ? 0 : Math.round(100f * correct / asked);
    }
}
