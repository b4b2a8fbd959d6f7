package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The high-water mark of the counter check in stats_check_mark: where the next nightly check starts. */
@ApplicationScoped
class CheckMark {

    private static final String JOB = "stats-reconcile";

    private final EntityManager entityManager;

    CheckMark(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @SuppressWarnings("unchecked")
    Optional<Instant> verifiedAt() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> marks = entityManager.createNativeQuery(
                    "SELECT verified_at FROM stats_check_mark WHERE job = ?1").setParameter(1, JOB).getResultList();
            return marks.stream().findFirst().map(DbClock::toInstant);
        });
    }

    /**
     * Moves the mark forward (never back: a slow full run must not undo a later incremental one's mark) and forgets
     * the recount requests before it, which the check that verified it has served.
     */
    void verified(Instant mark) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                            INSERT INTO stats_check_mark (job, verified_at) VALUES (?1, ?2)
                            ON DUPLICATE KEY UPDATE verified_at = GREATEST(verified_at, VALUES(verified_at))""")
                    .setParameter(1, JOB).setParameter(2, Timestamp.from(mark)).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM stats_recount_request WHERE requested_at < ?1")
                    .setParameter(1, Timestamp.from(mark)).executeUpdate();
        });
    }
}
