package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DirectSql;
import cn.qhzgh.study.progress.ReadingCredit.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * Writes of a worker's credited seconds, one row per worker (table worker_credit, encoded by {@link SpanCodec});
 * callers hold the worker's lock. A live request reads them together with its prior progress (ProgressSyncService).
 */
@ApplicationScoped
class CreditedSpans {

    private final EntityManager entityManager;

    CreditedSpans(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    void store(long workerId, List<Span> spans) {
        DirectSql.update(entityManager, """
                INSERT INTO worker_credit (worker_id, spans) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE spans = VALUES(spans)""", workerId, SpanCodec.encode(spans));
    }
}
