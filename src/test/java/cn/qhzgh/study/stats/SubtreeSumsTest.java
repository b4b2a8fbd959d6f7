package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SubtreeSumsTest {

    private static final List<Object> Q1 = List.of(101L);
    private static final List<Object> Q2 = List.of(102L);

    @Test
    void aParentAddsItsOwnRowsToItsClosedChildrenAndItsUncheckedOnes() {
        SubtreeSums sums = new SubtreeSums();
        Map<List<Object>, long[]> leaf = sums.close(640, Optional.of(8L), Map.of(Q1, new long[]{3, 2}), Map.of());
        Map<List<Object>, long[]> county = sums.close(8, Optional.of(7L), Map.of(Q1, new long[]{1, 0}), Map.of());
        Map<List<Object>, long[]> city = sums.close(7, Optional.empty(), Map.of(Q2, new long[]{5, 5}),
                Map.of(Q1, new long[]{10, 4}));
        assertThat(leaf.get(Q1)).containsExactly(3, 2);
        assertThat(county.get(Q1)).containsExactly(4, 2);
        assertThat(city).containsOnlyKeys(Q1, Q2);
        assertThat(city.get(Q1)).containsExactly(14, 6);
        assertThat(city.get(Q2)).containsExactly(5, 5);
    }

    @Test
    void totalsHandedOutDoNotChangeAsTheParentAddsUp() {
        SubtreeSums sums = new SubtreeSums();
        long[] own = {3, 2};
        Map<List<Object>, long[]> first = sums.close(1, Optional.of(9L), Map.of(Q1, own), Map.of());
        sums.close(2, Optional.of(9L), Map.of(Q1, new long[]{4, 4}), Map.of());
        Map<List<Object>, long[]> parent = sums.close(9, Optional.empty(), Map.of(), Map.of());
        assertThat(parent.get(Q1)).containsExactly(7, 6);
        assertThat(first.get(Q1)).containsExactly(3, 2);
        assertThat(own).containsExactly(3, 2);
    }

    @Test
    void rowsThatAddUpToNothingAreLeftOut() {
        SubtreeSums sums = new SubtreeSums();
        assertThat(sums.close(1, Optional.empty(), Map.of(Q1, new long[]{0, 0}, Q2, new long[]{1, 0}), Map.of()))
                .containsOnlyKeys(Q2);
    }
}
