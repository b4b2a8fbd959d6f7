package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.QuestionPool;
import cn.qhzgh.study.quiz.question.QuestionType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Picks and orders an attempt's questions and options from a seed; the same seed gives the same draw. */
final class AttemptDrawer {

    private AttemptDrawer() {
    }

    static List<DrawnQuestion> draw(List<QuestionPool.Candidate> pool, int count, boolean shuffleQuestions,
                                    boolean shuffleOptions, long seed) {
        Random random = new Random(seed);
        List<QuestionPool.Candidate> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<QuestionPool.Candidate> chosen = distinctSources(shuffled, count);
        if (!shuffleQuestions) {
            chosen.sort((a, b) -> Long.compare(a.questionId(), b.questionId()));
        }
        List<DrawnQuestion> draw = new ArrayList<>();
        for (QuestionPool.Candidate candidate : chosen) {
            List<String> keys = new ArrayList<>(candidate.optionKeys());
            // 正确 before 错误 is how every paper prints true/false; shuffling it would only confuse.
            if (shuffleOptions && candidate.type() != QuestionType.TRUE_FALSE) {
                Collections.shuffle(keys, random);
            }
            draw.add(new DrawnQuestion(candidate.questionId(), candidate.version(), keys));
        }
        return draw;
    }

    /**
     * Takes one question per source sentence first, since two questions cut from one sentence answer each other;
     * only a pool too small for that falls back to repeating a sentence.
     */
    private static List<QuestionPool.Candidate> distinctSources(List<QuestionPool.Candidate> shuffled, int count) {
        List<QuestionPool.Candidate> chosen = new ArrayList<>();
        List<QuestionPool.Candidate> sameSource = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        for (QuestionPool.Candidate candidate : shuffled) {
            if (chosen.size() == count) {
                break;
            }
            if (groups.add(candidate.group())) {
                chosen.add(candidate);
            } else {
                sameSource.add(candidate);
            }
        }
        for (QuestionPool.Candidate candidate : sameSource) {
            if (chosen.size() == count) {
                break;
            }
            chosen.add(candidate);
        }
        return chosen;
    }

    /** The letter a phone sees for the option at {@code index} of an attempt. */
    static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }
}
