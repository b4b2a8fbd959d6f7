package cn.qhzgh.study.common.retry;

import cn.qhzgh.study.quiz.attempt.AttemptRateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.SQLTransactionRollbackException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Transactions that meet lock conflicts on purpose, for the retry tests. */
@ApplicationScoped
public class RetryProbe {

    private final AtomicInteger tries = new AtomicInteger();

    private final EntityManager entityManager;
    private final AttemptRateLimiter rateLimiter;

    public RetryProbe(EntityManager entityManager, AttemptRateLimiter rateLimiter) {
        this.entityManager = entityManager;
        this.rateLimiter = rateLimiter;
    }

    /** How often the probe's methods ran since the last reset; a method, because the test holds a client proxy. */
    public int tries() {
        return tries.get();
    }

    public void resetTries() {
        tries.set(0);
    }

    /** Locks two org rows in the order given; the first try of each caller meets the others at the barrier. */
    @RetriedOnLockConflict
    @Transactional
    public void lockInOrder(long first, long second, CyclicBarrier bothHoldTheirFirstRow) throws Exception {
        boolean firstTry = RetryScope.firstTry("barrier");
        tries.incrementAndGet();
        lock(first);
        if (firstTry) {
            bothHoldTheirFirstRow.await(30, TimeUnit.SECONDS);
        }
        lock(second);
    }

    /** Charges the rate limiter, then meets a deadlock on the first {@code conflicts} tries. */
    @RetriedOnLockConflict
    @Transactional
    public void chargeThenConflict(long workerId, int conflicts) {
        rateLimiter.acquire(workerId);
        if (tries.incrementAndGet() <= conflicts) {
            throw deadlock();
        }
    }

    /** Joins the caller's transaction (there must be one), and meets a deadlock. */
    @RetriedOnLockConflict
    @Transactional(Transactional.TxType.MANDATORY)
    public void conflictInsideCallersTransaction() {
        tries.incrementAndGet();
        throw deadlock();
    }

    private void lock(long orgId) {
        entityManager.createNativeQuery("SELECT id FROM organization WHERE id = ?1 FOR UPDATE")
                .setParameter(1, orgId).getResultList();
    }

    private static RuntimeException deadlock() {
        return new jakarta.persistence.PessimisticLockException("could not execute statement",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                        "40001", 1213));
    }
}
