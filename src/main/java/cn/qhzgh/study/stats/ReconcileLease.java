package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The deployment-wide claim that lets one reconciliation run at a time, manual or nightly, on whichever pod: a
 * row of job_lease that an atomic UPDATE takes only when its lease has expired. The holder renews it after every
 * slice and frees it at the end; a pod that dies holding it blocks the next run for at most one lease.
 */
@ApplicationScoped
class ReconcileLease {

    private static final String JOB = "stats-reconcile";
    private static final Instant FREE = Instant.parse("1970-01-02T00:00:00Z");

    private final EntityManager entityManager;
    private final Duration lease;

    ReconcileLease(EntityManager entityManager, StatsConfig config) {
        this.entityManager = entityManager;
        this.lease = config.reconcileLease();
    }

    /** A new holder id when the lease was free or expired; empty while another run holds it. */
    Optional<String> claim() {
        String holder = UUID.randomUUID().toString();
        Instant now = DbClock.now();
        int taken = update("UPDATE job_lease SET holder = ?1, expires_at = ?2 WHERE job = ?3 AND expires_at < ?4",
                holder, now.plus(lease), JOB, now);
        return taken == 1 ? Optional.of(holder) : Optional.empty();
    }

    /** Pushes the expiry a full lease ahead; called between slices, each shorter than a lease. */
    void renew(String holder) {
        update("UPDATE job_lease SET expires_at = ?1 WHERE job = ?2 AND holder = ?3",
                DbClock.now().plus(lease), JOB, holder);
    }

    void release(String holder) {
        update("UPDATE job_lease SET holder = NULL, expires_at = ?1 WHERE job = ?2 AND holder = ?3", FREE, JOB, holder);
    }

    private int update(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        });
    }
}
