package cn.qhzgh.study.quiz;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.TooManyRequestsException;
import cn.qhzgh.study.common.retry.RetryScope;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most N quiz starts and submissions per worker per minute, counted per pod in fixed one-minute
 * windows. Behind k pods a worker can reach k·N at most, still far below what scripting would need.
 */
@ApplicationScoped
public class AttemptRateLimiter {

    private record Window(long workerId, long minute) {
    }

    private record Charge(long workerId) {
    }

    private final int perMinute;
    private final Cache<Window, AtomicInteger> windows = Caffeine.newBuilder()
            .maximumSize(500_000).expireAfterWrite(Duration.ofMinutes(2)).build();

    public AttemptRateLimiter(@ConfigProperty(name = "study.quiz.rate-limit-per-minute") int perMinute) {
        this.perMinute = perMinute;
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
