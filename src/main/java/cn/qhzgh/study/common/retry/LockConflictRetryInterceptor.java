package cn.qhzgh.study.common.retry;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Tries a {@link RetriedOnLockConflict} method again after a deadlock or lock-wait timeout. Its priority puts it
 * outside {@code @Transactional}'s (PLATFORM_BEFORE + 200), so every try is a whole new transaction.
 */
@RetriedOnLockConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LockConflictRetryInterceptor {

    /** Counts each retry, tagged with the operation and the conflict that caused it. */
    public static final String RETRIES_METRIC = "study.db.lock.retries";
    /** Counts calls whose every try met a conflict and that were answered 503. */
    public static final String EXHAUSTED_METRIC = "study.db.lock.retries.exhausted";

    private static final Logger LOG = Logger.getLogger(LockConflictRetryInterceptor.class);

    @Inject
    TransactionManager transactions;

    @Inject
    LockRetryConfig config;

    @Inject
    MeterRegistry registry;

    @AroundInvoke
    Object retry(InvocationContext context) throws Exception {
        if (insideTransaction()) {
            // Retrying part of an enclosing transaction would repeat that part only; the outermost call decides.
            return context.proceed();
        }
        boolean opened = RetryScope.open();
        try {
            return tryUntilDone(context);
        } finally {
            if (opened) {
                RetryScope.close();
            }
        }
    }

    private Object tryUntilDone(InvocationContext context) throws Exception {
        for (int retry = 1; ; retry++) {
            try {
                return context.proceed();
            } catch (Exception e) {
                Optional<LockConflict> conflict = LockConflict.of(e);
                if (conflict.isEmpty()) {
                    throw e;
                }
                // Named only on a conflict: every progress sync and submission passes through here.
                String operation = context.getMethod().getDeclaringClass().getSimpleName() + "."
                        + context.getMethod().getName();
                if (retry > config.retries()) {
                    registry.counter(EXHAUSTED_METRIC, "operation", operation, "cause", conflict.get().tag()).increment();
                    LOG.warnf("%s met a %s on all %d tries; giving up (a request gets 503 with Retry-After)", operation,
                            conflict.get().tag(), retry);
                    throw new LockConflictException(retry, config.retryAfterSeconds(), e);
                }
                registry.counter(RETRIES_METRIC, "operation", operation, "cause", conflict.get().tag()).increment();
                LOG.debugf("%s met a %s; retry %d", operation, conflict.get().tag(), retry);
                pause(retry, e);
            }
        }
    }

    private void pause(int retry, Exception conflict) {
        long millis = RetryBackoff.delayMillis(retry, config.baseDelay().toMillis(), config.maxDelay().toMillis(),
                ThreadLocalRandom.current().nextDouble());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockConflictException(retry, config.retryAfterSeconds(), conflict);
        }
    }

    private boolean insideTransaction() throws SystemException {
        return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
    }
}
