package cn.qhzgh.study.quiz;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptDrawerTest {

    private static final List<QuestionPool.Candidate> POOL = LongStream.rangeClosed(1, 30)
            .mapToObj(id -> new QuestionPool.Candidate(id, 1)).toList();
    private static final Map<Long, QuestionVersion> VERSIONS = new HashMap<>();
    private static final Map<Long, QuestionType> TYPES = new HashMap<>();

    static {
        for (QuestionPool.Candidate c : POOL) {
            QuestionVersion v = new QuestionVersion();
            v.questionId = c.questionId();
            v.version = 1;
            v.options = List.of(new QuestionOption("A", "甲"), new QuestionOption("B", "乙"),
                    new QuestionOption("C", "丙"), new QuestionOption("D", "丁"));
            VERSIONS.put(c.questionId(), v);
            TYPES.put(c.questionId(), QuestionType.SINGLE_CHOICE);
        }
    }

    private static List<DrawnQuestion> daily(long worker, LocalDate day) {
        return AttemptDrawer.draw(POOL, VERSIONS, TYPES, 5, true, true, AttemptService.dailySeed(worker, 7, day));
    }

    @Test
    void dailyDrawIsTheSameAllDayAndDiffersTheNextDay() {
        LocalDate day = LocalDate.of(2026, 11, 24);
        assertThat(daily(42, day)).isEqualTo(daily(42, day)).hasSize(5);
        assertThat(daily(42, day.plusDays(1))).isNotEqualTo(daily(42, day));
        assertThat(daily(43, day)).isNotEqualTo(daily(42, day));
    }

    @Test
    void drawTakesDistinctQuestionsAndKeepsEveryOption() {
        List<DrawnQuestion> draw = AttemptDrawer.draw(POOL, VERSIONS, TYPES, 10, true, true, 99L);
        assertThat(draw.stream().map(DrawnQuestion::questionId).distinct()).hasSize(10);
        draw.forEach(d -> assertThat(d.optionKeys()).containsExactlyInAnyOrder("A", "B", "C", "D"));
    }

    @Test
    void trueFalseOptionsStayInPrintedOrder() {
        TYPES.put(1L, QuestionType.TRUE_FALSE);
        try {
            List<DrawnQuestion> draw = AttemptDrawer.draw(POOL.subList(0, 1), VERSIONS, TYPES, 1, true, true, 5L);
            assertThat(draw.get(0).optionKeys()).containsExactly("A", "B", "C", "D");
        } finally {
            TYPES.put(1L, QuestionType.SINGLE_CHOICE);
        }
    }

    @Test
    void poolSmallerThanCountDrawsWhatThereIs() {
        assertThat(AttemptDrawer.draw(POOL.subList(0, 3), VERSIONS, TYPES, 5, true, true, 1L)).hasSize(3);
    }

    @Test
    void questionsFromOneSourceSentenceAreNotAskedTogetherWhileOthersRemain() {
        List<QuestionPool.Candidate> pool = LongStream.rangeClosed(1, 12)
                .mapToObj(id -> new QuestionPool.Candidate(id, 1, "sentence-" + (id % 4))).toList();
        for (long seed = 0; seed < 50; seed++) {
            List<DrawnQuestion> draw = AttemptDrawer.draw(pool, VERSIONS, TYPES, 4, true, true, seed);
            assertThat(draw.stream().map(d -> d.questionId() % 4).distinct()).hasSize(4);
        }
        assertThat(AttemptDrawer.draw(pool, VERSIONS, TYPES, 6, true, true, 3L)).hasSize(6);
    }
}
