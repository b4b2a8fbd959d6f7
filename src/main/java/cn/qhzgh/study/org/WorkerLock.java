package cn.qhzgh.study.org;

import jakarta.persistence.EntityManager;

/**
 * Serialises the writes of one worker's records (progress batches, attempt starts, submissions, and the
 * reconciliation's credit and worker_campaign repairs) by locking that worker's own row, so this lock never makes
 * two workers wait for each other. The union counters their writes share are locked too, but only just before
 * commit and in one order (stats/CounterDeltas), where workers of one union briefly wait for each other.
 */
public final class WorkerLock {

    private WorkerLock() {
    }

    /** Locks the worker's row and returns the union the worker belongs to now, which the counters use. */
    public static long acquire(EntityManager entityManager, long workerId) {
        return ((Number) entityManager.createNativeQuery("SELECT org_id FROM worker WHERE id = ?1 FOR UPDATE")
                .setParameter(1, workerId).getSingleResult()).longValue();
    }
}
