package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.IdList;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.WorkerLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.apache.commons.collections4.ListUtils;

import java.util.List;

/**
 * Rewrites one worker's worker_campaign rows from their sources in SQL, under the worker's lock, which every live
 * write of that worker takes first: none can commit between the rewrite's read and its upsert. final_best_score -1
 * stands for "no FINAL taken" inside the comparison.
 */
@ApplicationScoped
class WorkerCampaignReconciler {

    private static final String EPOCH = "TIMESTAMP '1970-01-01 00:00:00'";
    /** What worker_campaign should hold in the listed campaigns (each %s), for workers their audience reaches. */
    private static final String EXPECTED = """
            SELECT x.worker_id, x.campaign_id, w.org_id, MIN(x.started_at) AS started_at, MAX(x.last_at) AS last_at,
                   SUM(x.seconds) AS seconds, MAX(x.final_best) AS final_best, MAX(x.final_passed) AS final_passed,
                   MAX(x.completed_at) AS completed_at
            FROM (
                SELECT p.worker_id, cm.campaign_id, p.first_activity_at AS started_at, p.last_activity_at AS last_at,
                       p.credited_seconds AS seconds, -1 AS final_best, 0 AS final_passed,
                       CAST(NULL AS DATETIME) AS completed_at
                FROM module_progress p JOIN study_module m ON m.id = p.module_id
                JOIN campaign_material cm ON cm.notice_id = m.notice_id
                WHERE p.worker_id = ?1 AND cm.campaign_id IN (%s)
                UNION ALL
                SELECT a.worker_id, q.campaign_id, CAST(NULL AS DATETIME), CAST(NULL AS DATETIME), 0, a.score,
                       CASE WHEN a.passed THEN 1 ELSE 0 END, CAST(NULL AS DATETIME)
                FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
                WHERE a.worker_id = ?1 AND q.kind = 'FINAL' AND q.campaign_id IN (%s)
                  AND a.score IS NOT NULL
                UNION ALL
                SELECT c.worker_id, c.campaign_id, CAST(NULL AS DATETIME), CAST(NULL AS DATETIME), 0, -1, 0, c.completed_at
                FROM campaign_completion c WHERE c.worker_id = ?1 AND c.campaign_id IN (%s)
            ) x JOIN worker w ON w.id = x.worker_id JOIN organization wo ON wo.id = w.org_id
            WHERE EXISTS (SELECT 1 FROM campaign_audience ca JOIN organization ao ON ao.id = ca.org_id
                          WHERE ca.campaign_id = x.campaign_id AND wo.path LIKE CONCAT(ao.path, '%%'))
            GROUP BY x.worker_id, x.campaign_id, w.org_id""";

    private static final int BATCH = 1000;

    private final EntityManager entityManager;

    WorkerCampaignReconciler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Reconciles the worker's rows in published campaigns; returns how many rows differed. Rows of draft and closed
     * campaigns are left as they are: closed ones keep what they counted.
     */
    long reconcileWorker(long workerId) {
        WorkerLock.acquire(entityManager, workerId);
        List<Long> published = NativeRows.list(entityManager.createNativeQuery(
                "SELECT id FROM campaign WHERE status = 'PUBLISHED'"), r -> r.longAt(0));
        if (published.isEmpty()) {
            return 0;
        }
        String campaigns = IdList.of(published);
        String expected = EXPECTED.formatted(campaigns, campaigns, campaigns);
        long stored = ((Number) query("SELECT COUNT(*) FROM worker_campaign WHERE worker_id = ?1 "
                + "AND campaign_id IN (" + campaigns + ")", workerId).getSingleResult()).longValue();
        if (stored == 0) {
            // Nothing stored yet (a first build): every expected row is missing, so the insert's count is the drift.
            return upsertExpected(expected, workerId);
        }
        Object[] compared = (Object[]) query("SELECT COALESCE(SUM(CASE WHEN a.worker_id IS NULL OR a.org_id <> e.org_id "
                + "OR COALESCE(a.started_at, " + EPOCH + ") <> COALESCE(e.started_at, " + EPOCH + ") "
                + "OR COALESCE(a.last_activity_at, " + EPOCH + ") <> COALESCE(e.last_at, " + EPOCH + ") "
                + "OR a.seconds_spent <> e.seconds OR COALESCE(a.final_best_score, -1) <> e.final_best "
                + "OR (CASE WHEN a.final_passed THEN 1 ELSE 0 END) <> e.final_passed "
                + "OR COALESCE(a.completed_at, " + EPOCH + ") <> COALESCE(e.completed_at, " + EPOCH + ") "
                + "THEN 1 ELSE 0 END), 0), COUNT(a.worker_id) FROM (" + expected + ") e "
                + "LEFT JOIN worker_campaign a ON a.worker_id = e.worker_id AND a.campaign_id = e.campaign_id",
                workerId).getSingleResult();
        long differing = ((Number) compared[0]).longValue();
        // Stored rows that matched no expected row: nothing justifies them any more.
        long orphaned = stored - ((Number) compared[1]).longValue();
        if (differing > 0) {
            upsertExpected(expected, workerId);
        }
        if (orphaned > 0) {
            query("DELETE FROM worker_campaign WHERE worker_id = ?1 AND campaign_id IN (" + campaigns
                    + ") AND NOT EXISTS (SELECT 1 FROM (" + expected + ") e WHERE e.worker_id = worker_campaign.worker_id "
                    + "AND e.campaign_id = worker_campaign.campaign_id)", workerId).executeUpdate();
        }
        return differing + orphaned;
    }

    /**
     * Inserts rows the snapshot found missing, as its sources say they must be. A row a live write has created since
     * holds only what was written after the snapshot, so the two are merged as live writes merge
     * ({@link WorkerCampaignMerge}); left as it was, it lacked the history.
     */
    int insertMissing(List<SliceRecount.CampaignRow> rows) {
        for (List<SliceRecount.CampaignRow> batch : ListUtils.partition(rows, BATCH)) {
            WorkerCampaignMerge.merge(entityManager, batch.stream()
                    .map(r -> new WorkerCampaignMerge.Row(r.workerId(), r.campaignId(), r.orgId(),
                            DbClock.toInstant(r.startedAt()), DbClock.toInstant(r.lastActivityAt()), r.secondsSpent(),
                            r.finalBestScore(), r.finalPassed(), DbClock.toInstant(r.completedAt())))
                    .toList());
        }
        return rows.size();
    }

    private int upsertExpected(String expected, long workerId) {
        return query("""
                INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at, seconds_spent,
                                             final_best_score, final_passed, completed_at)
                SELECT e.worker_id, e.campaign_id, e.org_id, e.started_at, e.last_at, e.seconds,
                       CASE WHEN e.final_best < 0 THEN NULL ELSE e.final_best END, e.final_passed = 1, e.completed_at
                FROM (""" + expected + """
                ) e
                ON DUPLICATE KEY UPDATE org_id = VALUES(org_id), started_at = VALUES(started_at),
                    last_activity_at = VALUES(last_activity_at), seconds_spent = VALUES(seconds_spent),
                    final_best_score = VALUES(final_best_score), final_passed = VALUES(final_passed),
                    completed_at = VALUES(completed_at)""", workerId).executeUpdate();
    }

    private Query query(String sql, long workerId) {
        return entityManager.createNativeQuery(sql).setParameter(1, workerId);
    }
}
