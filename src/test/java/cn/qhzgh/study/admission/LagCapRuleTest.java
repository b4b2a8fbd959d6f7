package cn.qhzgh.study.admission;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LagCapRuleTest {

    private static final long MS = 1_000_000;
    private final LagCapRule rule = new LagCapRule(4, 32, 10 * MS);

    @Test
    void lateWhileFullShrinksByAQuarter() {
        assertThat(rule.next(32, 11 * MS, true)).isEqualTo(24);
        assertThat(rule.next(24, 200 * MS, true)).isEqualTo(18);
    }

    @Test
    void smallCapsStillShrinkButNeverBelowTheMinimum() {
        assertThat(rule.next(6, 11 * MS, true)).as("a quarter of 6 rounds to nothing; one less").isEqualTo(4);
        assertThat(rule.next(5, 11 * MS, true)).isEqualTo(4);
        assertThat(rule.next(4, 11 * MS, true)).isEqualTo(4);
    }

    @Test
    void latenessWithRoomLeftIsNotTheCapsDoing() {
        assertThat(rule.next(20, 500 * MS, false)).isEqualTo(20);
    }

    @Test
    void promptThreadsLetTheCapGrowByOneUpToTheMaximum() {
        assertThat(rule.next(10, 5 * MS, true)).as("within half the target").isEqualTo(11);
        assertThat(rule.next(10, 0, false)).isEqualTo(11);
        assertThat(rule.next(32, 0, false)).isEqualTo(32);
    }

    @Test
    void betweenHalfAndTheTargetTheCapHolds() {
        assertThat(rule.next(10, 6 * MS, true)).isEqualTo(10);
        assertThat(rule.next(10, 10 * MS, true)).as("at the target, not above it").isEqualTo(10);
    }

    @Test
    void aCapOutsideTheBoundsIsBroughtBack() {
        assertThat(rule.next(64, 7 * MS, false)).isEqualTo(32);
        assertThat(rule.next(1, 7 * MS, false)).isEqualTo(4);
    }

    @Test
    void boundsMustMakeSense() {
        assertThatThrownBy(() -> new LagCapRule(0, 32, MS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LagCapRule(8, 4, MS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LagCapRule(4, 32, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
