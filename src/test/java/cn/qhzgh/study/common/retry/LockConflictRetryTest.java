package cn.qhzgh.study.common.retry;

import cn.qhzgh.study.common.TooManyRequestsException;
import cn.qhzgh.study.quiz.attempt.AttemptRateLimiter;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.PessimisticLockException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry of whole transactions after lock conflicts, against the real MariaDB where a deadlock is needed. */
@QuarkusTest
class LockConflictRetryTest {

    @Inject
    RetryProbe probe;

    @Inject
    MeterRegistry registry;

    @Inject
    AttemptRateLimiter rateLimiter;

    @ConfigProperty(name = "study.quiz.rate-limit-per-minute")
    int perMinute;

    @BeforeEach
    void reset() {
        probe.resetTries();
    }

    private double retries(String operation) {
        var counter = registry.find(LockConflictRetryInterceptor.RETRIES_METRIC).tag("operation", operation).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aRealDeadlockIsRetriedAndBothTransactionsSucceed() throws Exception {
        Fixtures.skeleton();
        List<Long> orgs = Database.longs("SELECT id FROM organization ORDER BY id LIMIT 2");
        double before = retries("RetryProbe.lockInOrder");
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = pool.submit(() -> {
                probe.lockInOrder(orgs.get(0), orgs.get(1), barrier);
                return null;
            });
            Future<?> other = pool.submit(() -> {
                probe.lockInOrder(orgs.get(1), orgs.get(0), barrier);
                return null;
            });
            one.get();
            other.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(probe.tries()).isEqualTo(3);
        assertThat(retries("RetryProbe.lockInOrder")).isEqualTo(before + 1);
    }

    @Test
    void aRetryDoesNotChargeTheRateLimiterAgain() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 50_000) {
            Thread.sleep(60_000 - intoMinute + 100); // the limiter counts per calendar minute: stay within one
        }
        long worker = 990_000_001L;
        probe.chargeThenConflict(worker, 2);
        assertThat(probe.tries()).isEqualTo(3);
        for (int i = 1; i < perMinute; i++) {
            rateLimiter.acquire(worker);
        }
        assertThatThrownBy(() -> rateLimiter.acquire(worker)).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void afterTheLastTryTheCallerIsToldToComeBack() {
        double exhausted = registry.find(LockConflictRetryInterceptor.EXHAUSTED_METRIC)
                .tag("operation", "RetryProbe.chargeThenConflict").counters().stream().mapToDouble(c -> c.count()).sum();
        assertThatThrownBy(() -> probe.chargeThenConflict(990_000_002L, 100))
                .isInstanceOfSatisfying(LockConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfterSeconds()).isEqualTo(1L);
                });
        assertThat(probe.tries()).isEqualTo(4);
        assertThat(registry.find(LockConflictRetryInterceptor.EXHAUSTED_METRIC)
                .tag("operation", "RetryProbe.chargeThenConflict").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(exhausted + 1);
    }

    @Test
    void insideAnEnclosingTransactionNothingIsRetried() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(probe::conflictInsideCallersTransaction))
                .hasRootCauseMessage("Deadlock found when trying to get lock; try restarting transaction")
                .isNotInstanceOf(LockConflictException.class);
        assertThat(probe.tries()).isEqualTo(1);
    }
}
