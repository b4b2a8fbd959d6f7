package cn.qhzgh.study.org;

import jakarta.persistence.EntityManager;

/**
 * Serialises the writes of one worker's records (progress batches, submissions) by locking that worker's own
 * row. Different workers never wait for each other: nothing shared is locked.
 */
public final class WorkerLock {

    private WorkerLock() {
    }

    public static void acquire(EntityManager entityManager, long workerId) {
        entityManager.createNativeQuery("SELECT id FROM worker WHERE id = ?1 FOR UPDATE")
                .setParameter(1, workerId).getResultList();
    }
}
