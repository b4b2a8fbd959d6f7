package cn.qhzgh.study.admission;

import com.netflix.concurrency.limits.Limit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The limit Admission builds, fed simulated traffic: one busy second after another, time in nanoseconds. */
class AdaptiveLimitTest {

    private static final long MILLI = 1_000_000;

    private static AdmissionConfig.LimitConfig bounds(int initial, int min, int max) {
        return new AdmissionConfig.LimitConfig() {
            @Override
            public int initial() {
                return initial;
            }

            @Override
            public int min() {
                return min;
            }

            @Override
            public int max() {
                return max;
            }
        };
    }

    private long clock;

    /** Requests of this latency end one after another for {@code seconds}, each with the limit fully in use. */
    private void traffic(Limit limit, long latencyMillis, int seconds) {
        for (long end = clock + seconds * 1000 * MILLI; clock < end; clock += MILLI) {
            limit.onSample(clock, latencyMillis * MILLI, limit.getLimit(), false);
        }
    }

    @Test
    void theLimitRisesWhileLatencyHoldsAndFallsWhenRequestsQueue() {
        Limit limit = Admission.adaptiveLimit(bounds(32, 8, 100));
        traffic(limit, 5, 20);
        int steady = limit.getLimit();
        assertThat(steady).as("latency steady at full use: room to grow").isGreaterThan(32);
        traffic(limit, 50, 5);
        assertThat(limit.getLimit()).as("latency ten times its norm: queueing, so admit less").isLessThan(steady / 2);
        traffic(limit, 500, 20);
        assertThat(limit.getLimit()).as("never below the minimum").isEqualTo(8);
    }

    @Test
    void anIdlePodKeepsItsLimit() {
        Limit limit = Admission.adaptiveLimit(bounds(32, 8, 100));
        for (int i = 0; i < 10_000; i++, clock += MILLI) {
            limit.onSample(clock, 5 * MILLI, 2, false);
        }
        assertThat(limit.getLimit()).as("two in flight say nothing about capacity").isEqualTo(32);
    }
}
