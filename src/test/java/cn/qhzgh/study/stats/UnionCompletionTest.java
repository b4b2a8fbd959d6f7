package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnionCompletionTest {

    private final UnionCompletion unions = new UnionCompletion(List.of(
            new UnionCompletion.LastWorker(30, 250), new UnionCompletion.LastWorker(10, 90),
            new UnionCompletion.LastWorker(20, 0), new UnionCompletion.LastWorker(40, 100)));

    @Test
    void aUnionIsCompleteOnceThePassHasReadItsLastWorker() {
        assertThat(unions.completedThrough(99)).containsExactly(10L, 20L);
        assertThat(unions.completedThrough(100)).containsExactly(40L);
        assertThat(unions.completedThrough(249)).isEmpty();
    }

    @Test
    void eachUnionIsReturnedOnceAndTheRestAtTheEnd() {
        assertThat(unions.completedThrough(100)).containsExactly(10L, 20L, 40L);
        assertThat(unions.remaining()).containsExactly(30L);
        assertThat(unions.remaining()).isEmpty();
    }
}
