package cn.qhzgh.study.progress;

import cn.qhzgh.study.progress.ReadingCredit.Span;
import cn.qhzgh.study.progress.ReadingCredit.SpanChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.List;

/**
 * Writes of a worker's credited seconds (table credited_span); callers hold the worker's lock. A live request reads
 * them together with its prior progress (ProgressSyncService).
 */
@ApplicationScoped
class CreditedSpans {

    private final EntityManager entityManager;

    CreditedSpans(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void apply(long workerId, SpanChanges changes) {
        if (!changes.removedStarts().isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM credited_span WHERE worker_id = ?1 AND start_second IN (?2)")
                    .setParameter(1, workerId).setParameter(2, changes.removedStarts()).executeUpdate();
        }
        List<Span> upserts = changes.upserts();
        if (upserts.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO credited_span (worker_id, start_second, end_second) VALUES ");
        for (int i = 0; i < upserts.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE end_second = VALUES(end_second)");
        Query upsert = entityManager.createNativeQuery(sql.toString());
        int p = 1;
        for (Span span : upserts) {
            upsert.setParameter(p++, workerId).setParameter(p++, span.start()).setParameter(p++, span.end());
        }
        upsert.executeUpdate();
    }

    /** Forgets all of a worker's spans, before crediting their events again from the start. */
    void clear(long workerId) {
        entityManager.createNativeQuery("DELETE FROM credited_span WHERE worker_id = ?1")
                .setParameter(1, workerId).executeUpdate();
    }
}
