package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.common.BlockingCache;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.TooManyRequestsException;
import cn.qhzgh.study.common.retry.RetryScope;
import cn.qhzgh.study.quiz.QuizConfig;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most N quiz starts and submissions per worker per minute, counted per pod in fixed one-minute
 * windows. Behind k pods a worker can reach k·N at most, still far below what scripting would need. The windows are
 * the "quiz-rate-windows" cache, which forgets each one after it has ended (application.properties).
 */
@ApplicationScoped
public class AttemptRateLimiter {

    private record Window(long workerId, long minute) {
    }

    private record Charge(long workerId) {
    }

    private final int perMinute;
    private final BlockingCache<Window, AtomicInteger> windows;

    public AttemptRateLimiter(QuizConfig config, @CacheName("quiz-rate-windows") Cache windows) {
        this.perMinute = config.rateLimitPerMinute();
        this.windows = new BlockingCache<>(windows);
    }

    /** Charges one start or submission; the retries of a transaction that met a lock conflict are not charged again. */
    public void acquire(long workerId) {
        if (!RetryScope.firstTry(new Charge(workerId))) {
            return;
        }
        long nowMillis = DbClock.now().toEpochMilli();
        long minute = nowMillis / 60_000;
        int used = windows.get(new Window(workerId, minute), w -> new AtomicInteger()).incrementAndGet();
        if (used > perMinute) {
            long retryAfter = Math.max(1, ((minute + 1) * 60_000 - nowMillis + 999) / 1000);
            throw new TooManyRequestsException("At most " + perMinute
                    + " quiz starts and submissions per minute; retry in " + retryAfter + " s.", retryAfter);
        }
    }
}
