package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterCorrectionTest {

    @Test
    void theCorrectionIsExpectedMinusObservedColumnByColumn() {
        assertThat(CounterCorrection.delta(new long[]{3, 10}, new long[]{8, 10})).containsExactly(-5, 0);
    }

    @Test
    void aRowMissingFromTheSnapshotIsInsertedWithItsExpectedValues() {
        assertThat(CounterCorrection.delta(new long[]{4, 0, 7}, null)).containsExactly(4, 0, 7);
    }

    @Test
    void addingTheCorrectionToALaterValueKeepsWhatLiveWritesAddedMeanwhile() {
        long observed = 12;
        long expected = 7;
        long liveIncrements = 3;
        long now = observed + liveIncrements;
        assertThat(now + CounterCorrection.delta(new long[]{expected}, new long[]{observed})[0])
                .isEqualTo(expected + liveIncrements);
    }

    @Test
    void rowsOfDifferentWidthsAreRefused() {
        assertThatThrownBy(() -> CounterCorrection.delta(new long[]{1, 2}, new long[]{1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
