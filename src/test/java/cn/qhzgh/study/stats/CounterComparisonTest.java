package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CounterComparisonTest {

    private static List<Object> key(long org, long question) {
        return List.of(org, question);
    }

    @Test
    void equalRowsNeedNothing() {
        CounterComparison same = CounterComparison.of(Map.of(key(1, 2), new long[]{3, 1}), Map.of(key(1, 2), new long[]{3, 1}));
        assertThat(same.drift()).isZero();
        assertThat(same.nothingToWrite()).isTrue();
    }

    @Test
    void aDifferingRowGetsExpectedMinusStored() {
        CounterComparison c = CounterComparison.of(Map.of(key(1, 2), new long[]{3, 1}), Map.of(key(1, 2), new long[]{8, 1}));
        assertThat(c.drift()).isEqualTo(1);
        assertThat(c.corrections()).singleElement().satisfies(e -> {
            assertThat(e.getKey()).isEqualTo(key(1, 2));
            assertThat(e.getValue()).containsExactly(-5, 0);
        });
    }

    @Test
    void aMissingRowIsInsertedWhole() {
        CounterComparison c = CounterComparison.of(Map.of(key(1, 2), new long[]{3, 1}), Map.of());
        assertThat(c.drift()).isEqualTo(1);
        assertThat(c.corrections().get(0).getValue()).containsExactly(3, 1);
        assertThat(c.unjustified()).isEmpty();
    }

    @Test
    void anUnjustifiedRowIsZeroedAndThenDeleted() {
        CounterComparison c = CounterComparison.of(Map.of(), Map.of(key(1, 2), new long[]{4, 2}, key(1, 3), new long[]{0, 0}));
        assertThat(c.drift()).as("a stored zero row is not drift, only removed").isEqualTo(1);
        assertThat(c.corrections()).singleElement().satisfies(e -> assertThat(e.getValue()).containsExactly(-4, -2));
        assertThat(c.unjustified()).containsExactly(key(1, 2), key(1, 3));
    }

    @Test
    void correctionsComeInPrimaryKeyOrder() {
        CounterComparison c = CounterComparison.of(
                Map.of(key(2, 1), new long[]{1, 0}, key(1, 9), new long[]{1, 0}, key(1, 3), new long[]{1, 0}), Map.of());
        assertThat(c.corrections().stream().map(Map.Entry::getKey).toList())
                .containsExactly(key(1, 3), key(1, 9), key(2, 1));
    }
}
