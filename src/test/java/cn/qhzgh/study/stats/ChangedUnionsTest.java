package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ChangedUnionsTest {

    @Test
    void unionsWithChangedAnswerCountersAreRecountedWithTheirAnswersAndTheRestWithout() {
        ChangedUnions changed = new ChangedUnions(List.of(9L, 3L, 5L, 3L), Set.of(5L));

        assertThat(changed.unions()).containsExactly(3L, 5L, 9L);
        assertThat(changed.recountedWithAnswers()).containsExactly(5L);
        assertThat(changed.recountedWithoutAnswers()).containsExactly(3L, 9L);
    }

    @Test
    void aNightOfReadingRecountsEveryChangedUnionWithoutAnswers() {
        ChangedUnions changed = new ChangedUnions(List.of(3L, 7L), Set.of());

        assertThat(changed.recountedWithAnswers()).isEmpty();
        assertThat(changed.recountedWithoutAnswers()).containsExactly(3L, 7L);
    }
}
