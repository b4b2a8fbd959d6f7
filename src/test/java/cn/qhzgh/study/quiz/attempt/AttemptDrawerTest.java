package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.QuestionPool;
import cn.qhzgh.study.quiz.question.QuestionType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptDrawerTest {

    private static final List<String> KEYS = List.of("A", "B", "C", "D");

    private static QuestionPool.Candidate candidate(long id, String group, QuestionType type) {
        return new QuestionPool.Candidate(id, 1, group, type, KEYS);
    }

    private static final List<QuestionPool.Candidate> POOL = LongStream.rangeClosed(1, 30)
            .mapToObj(id -> candidate(id, "q" + id, QuestionType.SINGLE_CHOICE)).toList();

    private static List<DrawnQuestion> daily(long worker, LocalDate day) {
        return AttemptDrawer.draw(POOL, 5, true, true, AttemptService.dailySeed(worker, 7, day));
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
        List<DrawnQuestion> draw = AttemptDrawer.draw(POOL, 10, true, true, 99L);
        assertThat(draw.stream().map(DrawnQuestion::questionId).distinct()).hasSize(10);
        draw.forEach(d -> assertThat(d.optionKeys()).containsExactlyInAnyOrder("A", "B", "C", "D"));
    }

    @Test
    void trueFalseOptionsStayInPrintedOrder() {
        List<DrawnQuestion> draw = AttemptDrawer.draw(List.of(candidate(1, "q1", QuestionType.TRUE_FALSE)), 1,
                true, true, 5L);
        assertThat(draw.get(0).optionKeys()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void poolSmallerThanCountDrawsWhatThereIs() {
        assertThat(AttemptDrawer.draw(POOL.subList(0, 3), 5, true, true, 1L)).hasSize(3);
    }

    @Test
    void questionsFromOneSourceSentenceAreNotAskedTogetherWhileOthersRemain() {
        List<QuestionPool.Candidate> pool = LongStream.rangeClosed(1, 12)
                .mapToObj(id -> candidate(id, "sentence-" + (id % 4), QuestionType.SINGLE_CHOICE)).toList();
        for (long seed = 0; seed < 50; seed++) {
            List<DrawnQuestion> draw = AttemptDrawer.draw(pool, 4, true, true, seed);
            assertThat(draw.stream().map(d -> d.questionId() % 4).distinct()).hasSize(4);
        }
        assertThat(AttemptDrawer.draw(pool, 6, true, true, 3L)).hasSize(6);
    }
}
