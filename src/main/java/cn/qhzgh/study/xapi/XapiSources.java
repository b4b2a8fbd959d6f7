package cn.qhzgh.study.xapi;

import cn.qhzgh.study.common.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The four kinds of learning records, read in export order (stored time, kind, key) after a cursor.
 * The order key is spelled identically in WHERE and ORDER BY, so keyset paging never skips or repeats.
 */
@ApplicationScoped
class XapiSources {

    /** One row of a source: its place in the export order and the columns the statement is built from. */
    record Row(Instant stored, int rank, String key, NativeRows.Row columns) {
    }

    /** Where the previous page stopped; rank orders the kinds of record that share one instant. */
    record Cursor(Instant stored, int rank, String key) {
    }

    enum Kind {
        PROGRESSED(0, "e.received_at", "CONCAT(e.worker_id, ':', e.event_id)", """
                SELECT e.received_at, CONCAT(e.worker_id, ':', e.event_id), w.external_id, e.event_id, e.module_id,
                       m.notice_id, v.title, e.percent, COALESCE(e.credited_seconds, 0), e.occurred_at, e.channel
                FROM progress_event e JOIN worker w ON w.id = e.worker_id JOIN organization o ON o.id = w.org_id
                JOIN study_module m ON m.id = e.module_id
                JOIN module_version v ON v.module_id = m.id AND v.version = e.module_version
                WHERE o.path LIKE ?"""),
        MODULE_COMPLETED(1, "p.completed_at", "CONCAT(p.worker_id, ':', p.module_id)", """
                SELECT p.completed_at, CONCAT(p.worker_id, ':', p.module_id), w.external_id, p.module_id, m.notice_id,
                       v.title
                FROM module_progress p JOIN worker w ON w.id = p.worker_id JOIN organization o ON o.id = w.org_id
                JOIN study_module m ON m.id = p.module_id
                JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                WHERE p.completed_at IS NOT NULL AND o.path LIKE ?"""),
        CAMPAIGN_COMPLETED(2, "c.completed_at", "CONCAT(c.worker_id, ':', c.campaign_id)", """
                SELECT c.completed_at, CONCAT(c.worker_id, ':', c.campaign_id), w.external_id, c.campaign_id, k.title
                FROM campaign_completion c JOIN worker w ON w.id = c.worker_id JOIN organization o ON o.id = w.org_id
                JOIN campaign k ON k.id = c.campaign_id
                WHERE o.path LIKE ?"""),
        ATTEMPT_SCORED(3, "a.submitted_at", "a.id", """
                SELECT a.submitted_at, a.id, w.external_id, a.id, a.quiz_id, q.title, a.score, a.passed, q.notice_id,
                       q.campaign_id
                FROM quiz_attempt a JOIN worker w ON w.id = a.worker_id JOIN organization o ON o.id = w.org_id
                JOIN quiz q ON q.id = a.quiz_id
                WHERE a.status <> 'IN_PROGRESS' AND o.path LIKE ?""");

        final int rank;
        private final String stored;
        private final String key;
        private final String select;

        Kind(int rank, String stored, String key, String select) {
            this.rank = rank;
            this.stored = stored;
            this.key = key;
            this.select = select;
        }
    }

    private final EntityManager entityManager;

    XapiSources(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    List<Row> read(Kind kind, String pathPrefix, Instant since, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder(kind.select);
        if (since != null) {
            sql.append(" AND ").append(kind.stored).append(" > ?");
        }
        if (after != null) {
            if (kind.rank < after.rank()) {
                sql.append(" AND ").append(kind.stored).append(" > ?");
            } else if (kind.rank > after.rank()) {
                sql.append(" AND ").append(kind.stored).append(" >= ?");
            } else {
                sql.append(" AND (").append(kind.stored).append(" > ? OR (").append(kind.stored).append(" = ? AND ")
                        .append(kind.key).append(" > ?))");
            }
        }
        sql.append(" ORDER BY ").append(kind.stored).append(", ").append(kind.key).append(" LIMIT ").append(limit);
        Query query = entityManager.createNativeQuery(sql.toString());
        int p = 1;
        query.setParameter(p++, pathPrefix + "%");
        if (since != null) {
            query.setParameter(p++, Timestamp.from(since));
        }
        if (after != null) {
            query.setParameter(p++, Timestamp.from(after.stored()));
            if (kind.rank == after.rank()) {
                query.setParameter(p++, Timestamp.from(after.stored()));
                query.setParameter(p, after.key());
            }
        }
        return NativeRows.list(query, r -> new Row(r.instantAt(0), kind.rank, r.stringAt(1), r));
    }
}
