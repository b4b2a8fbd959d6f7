package cn.qhzgh.study.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.SettableLimit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class PriorityLimiterTest {

    private final SettableLimit limit = new SettableLimit(10);
    private final PriorityLimiter limiter = new PriorityLimiter(limit, 0.8, 0.5);

    private int admitted(Priority priority, int tries) {
        int admitted = 0;
        for (int i = 0; i < tries; i++) {
            admitted += limiter.tryAcquire(priority) ? 1 : 0;
        }
        return admitted;
    }

    @Test
    void lowerPrioritiesAreShedFirst() {
        assertThat(admitted(Priority.SHEDDABLE, 20)).as("statistics below half the limit").isEqualTo(5);
        assertThat(admitted(Priority.STANDARD, 20)).as("quiz requests below 80 %").isEqualTo(3);
        assertThat(admitted(Priority.CRITICAL, 20)).as("module reads and progress up to the limit").isEqualTo(2);
        assertThat(limiter.inFlight()).isEqualTo(10);
        assertThat(admitted(Priority.SHEDDABLE, 1) + admitted(Priority.STANDARD, 1) + admitted(Priority.CRITICAL, 1))
                .isZero();
        assertThat(admitted(Priority.REVALIDATION, 1000)).as("revalidations are never refused").isEqualTo(1000);
        assertThat(limiter.inFlight()).as("nor counted").isEqualTo(10);
    }

    @Test
    void aReleasedRequestMakesRoomAndReportsItsLatency() {
        List<long[]> samples = new ArrayList<>();
        PriorityLimiter recorded = new PriorityLimiter(recording(2, samples::add), 0.8, 0.5);
        assertThat(recorded.tryAcquire(Priority.CRITICAL)).isTrue();
        assertThat(recorded.tryAcquire(Priority.CRITICAL)).isTrue();
        assertThat(recorded.tryAcquire(Priority.CRITICAL)).isFalse();
        recorded.release(Priority.CRITICAL, 100, 7_000_000, true);
        assertThat(samples).containsExactly(new long[]{100, 7_000_000, 2, 1});
        assertThat(recorded.tryAcquire(Priority.CRITICAL)).isTrue();
        recorded.release(Priority.REVALIDATION, 0, 1, false);
        assertThat(samples).as("revalidations do not teach the limit").hasSize(1);
    }

    @Test
    void theCurrentLimitCountsAtEachAdmission() {
        assertThat(admitted(Priority.CRITICAL, 4)).isEqualTo(4);
        limit.setLimit(4);
        assertThat(admitted(Priority.CRITICAL, 1)).isZero();
        limit.setLimit(1);
        assertThat(limiter.ceiling(Priority.SHEDDABLE, 1)).as("statistics still run when nothing else does").isOne();
        limit.setLimit(20);
        assertThat(admitted(Priority.SHEDDABLE, 20)).as("4 in flight, 10 allowed").isEqualTo(6);
    }

    @Test
    void aLowerCapHoldsTheLimitAndAFullPodIsNoted() {
        limiter.cap(4);
        assertThat(limiter.limit()).isEqualTo(4);
        assertThat(admitted(Priority.SHEDDABLE, 4)).isEqualTo(2);
        assertThat(limiter.wasFullSinceLastAsked()).as("statistics refused at their share: the pod still has room").isFalse();
        assertThat(admitted(Priority.STANDARD, 4)).as("3 of 4 allowed, 2 in flight").isOne();
        assertThat(limiter.wasFullSinceLastAsked()).as("a quiz refused at its 80 %: the pod is all but full").isTrue();
        assertThat(admitted(Priority.CRITICAL, 4)).isOne();
        assertThat(limiter.wasFullSinceLastAsked()).as("refused at the whole limit").isTrue();
        assertThat(limiter.wasFullSinceLastAsked()).as("noted once per call").isFalse();
        limiter.cap(50);
        assertThat(limiter.limit()).as("a cap above the adaptive limit changes nothing").isEqualTo(10);
        assertThat(admitted(Priority.CRITICAL, 6)).isEqualTo(6);
    }

    @Test
    void concurrentArrivalsNeverPassTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            results.add(pool.submit(() -> {
                start.await();
                return admitted(Priority.CRITICAL, 1000);
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(total).isEqualTo(10);
        assertThat(limiter.inFlight()).isEqualTo(10);
    }

    /** A fixed limit that records each sample as {startNanos, latencyNanos, inFlight, dropped ? 1 : 0}. */
    private static Limit recording(int fixed, Consumer<long[]> samples) {
        return new Limit() {
            @Override
            public int getLimit() {
                return fixed;
            }

            @Override
            public void notifyOnChange(Consumer<Integer> consumer) {
            }

            @Override
            public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
                samples.accept(new long[]{startTime, rtt, inflight, didDrop ? 1 : 0});
            }
        };
    }
}
