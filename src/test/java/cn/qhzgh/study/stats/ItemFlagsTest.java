package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ItemFlagsTest {

    @Test
    void nothingIsJudgedBelowTheMinimumOfFirstAttempts() {
        assertThat(ItemFlags.ofItem(29, 0.0, -50.0, -80.0)).isEmpty();
        assertThat(ItemFlags.ofExam(29, 10.0)).isEmpty();
    }

    @Test
    void extremeFacilityAndWeakOrNegativeDiscriminationAreFlagged() {
        assertThat(ItemFlags.ofItem(30, 5.0, null, null)).containsExactly(ItemFlag.FACILITY_VERY_LOW);
        assertThat(ItemFlags.ofItem(30, 95.0, 10.0, 40.0)).containsExactly(ItemFlag.FACILITY_VERY_HIGH, ItemFlag.WEAK_DISCRIMINATION);
        assertThat(ItemFlags.ofItem(500, 60.0, -0.1, -3.0))
                .containsExactly(ItemFlag.NEGATIVE_DISCRIMINATION, ItemFlag.LOW_DISCRIMINATIVE_EFFICIENCY);
        assertThat(ItemFlags.ofItem(500, 60.0, 19.99, 15.0)).containsExactly(ItemFlag.WEAK_DISCRIMINATION);
        assertThat(ItemFlags.ofItem(500, 5.01, 20.0, 15.0)).isEmpty();
        assertThat(ItemFlags.ofItem(500, 94.99, 35.0, 60.0)).isEmpty();
    }

    @Test
    void anInconsistentTestIsFlagged() {
        assertThat(ItemFlags.ofExam(30, 63.9)).containsExactly(ExamFlag.LOW_INTERNAL_CONSISTENCY);
        assertThat(ItemFlags.ofExam(30, 64.0)).isEmpty();
        assertThat(ItemFlags.ofExam(3000, null)).isEmpty();
    }
}
