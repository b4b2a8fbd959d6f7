package cn.qhzgh.study.quiz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Picks and orders an attempt's questions and options from a seed; the same seed gives the same draw. */
final class AttemptDrawer {

    private AttemptDrawer() {
    }

    static List<DrawnQuestion> draw(List<QuestionPool.Candidate> pool, Map<Long, QuestionVersion> versions,
                                    Map<Long, QuestionType> types, int count, boolean shuffleQuestions,
                                    boolean shuffleOptions, long seed) {
        Random random = new Random(seed);
        List<QuestionPool.Candidate> chosen = new ArrayList<>(pool);
        Collections.shuffle(chosen, random);
        chosen = new ArrayList<>(chosen.subList(0, Math.min(count, chosen.size())));
        if (!shuffleQuestions) {
            chosen.sort((a, b) -> Long.compare(a.questionId(), b.questionId()));
        }
        List<DrawnQuestion> draw = new ArrayList<>();
        for (QuestionPool.Candidate candidate : chosen) {
            List<String> keys = new ArrayList<>(versions.get(candidate.questionId()).options.stream()
                    .map(QuestionOption::key).toList());
            // 正确 before 错误 is how every paper prints true/false; shuffling it would only confuse.
            if (shuffleOptions && types.get(candidate.questionId()) != QuestionType.TRUE_FALSE) {
                Collections.shuffle(keys, random);
            }
            draw.add(new DrawnQuestion(candidate.questionId(), candidate.version(), keys));
        }
        return draw;
    }

    /** The letter a phone sees for the option at {@code index} of an attempt. */
    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
