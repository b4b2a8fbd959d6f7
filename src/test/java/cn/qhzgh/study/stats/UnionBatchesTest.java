package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnionBatchesTest {

    private static UnionBatches.UnionWorkers union(long id, long workers) {
        return new UnionBatches.UnionWorkers(id, workers);
    }

    @Test
    void unionsAreCutIntoBatchesOfAboutTheWorkerBudgetInIdOrder() {
        assertThat(UnionBatches.of(List.of(union(5, 40), union(1, 30), union(3, 30), union(9, 0), union(7, 100)), 60, 10))
                .containsExactly(List.of(1L, 3L), List.of(5L), List.of(7L), List.of(9L));
    }

    @Test
    void aBatchHoldsAtMostTheUnionCapEvenWithoutWorkers() {
        assertThat(UnionBatches.of(List.of(union(1, 0), union(2, 0), union(3, 0)), 1000, 2))
                .containsExactly(List.of(1L, 2L), List.of(3L));
    }

    @Test
    void noUnionsNoBatches() {
        assertThat(UnionBatches.of(List.of(), 1000, 2)).isEmpty();
    }
}
