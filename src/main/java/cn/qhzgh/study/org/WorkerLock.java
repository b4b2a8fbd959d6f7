package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DirectSql;
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
        return DirectSql.single(entityManager, "SELECT org_id FROM worker WHERE id = ? FOR UPDATE",
                row -> row.getLong(1), workerId);
    }
}
