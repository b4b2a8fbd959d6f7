package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DirectSql;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The one way a partial worker_campaign row joins the stored one, for live writes (progress, FINAL attempts,
 * completions) and for the rows the reconciliation found missing alike: seconds added, the earliest start and
 * completion, the latest activity, the best FINAL, passed once passed. A NULL in the partial row leaves the stored
 * value as it is. Written so that MariaDB and MySQL (LEAST/GREATEST of a NULL is NULL) and H2 (NULLs ignored) agree.
 */
final class WorkerCampaignMerge {

    /** What one write adds to a worker's row of a campaign; null where it says nothing. */
    record Row(long workerId, long campaignId, long orgId, Instant startedAt, Instant lastActivityAt,
               long secondsSpent, Integer finalBestScore, boolean finalPassed, Instant completedAt) {

        static Row activity(long workerId, long campaignId, long orgId, Instant first, Instant last, long seconds) {
            return new Row(workerId, campaignId, orgId, first, last, seconds, null, false, null);
        }

        static Row finalScored(long workerId, long campaignId, long orgId, int score, boolean passed) {
            return new Row(workerId, campaignId, orgId, null, null, 0, score, passed, null);
        }

        static Row completed(long workerId, long campaignId, long orgId, Instant at) {
            return new Row(workerId, campaignId, orgId, null, null, 0, null, false, at);
        }

        private List<Object> values() {
            return Arrays.asList(workerId, campaignId, orgId, startedAt, lastActivityAt, secondsSpent, finalBestScore,
                    finalPassed, completedAt);
        }
    }

    private static final String MERGE = """
             ON DUPLICATE KEY UPDATE
            started_at = COALESCE(LEAST(started_at, VALUES(started_at)), started_at, VALUES(started_at)),
            last_activity_at = COALESCE(GREATEST(last_activity_at, VALUES(last_activity_at)), last_activity_at,
                                        VALUES(last_activity_at)),
            seconds_spent = seconds_spent + VALUES(seconds_spent),
            final_best_score = COALESCE(GREATEST(final_best_score, VALUES(final_best_score)), final_best_score,
                                        VALUES(final_best_score)),
            final_passed = (final_passed OR VALUES(final_passed)),
            completed_at = COALESCE(LEAST(completed_at, VALUES(completed_at)), completed_at, VALUES(completed_at))""";

    private WorkerCampaignMerge() {
    }

    /** Merges the rows in one statement. */
    static void merge(EntityManager entityManager, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        DirectSql.update(entityManager, "INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, "
                + "last_activity_at, seconds_spent, final_best_score, final_passed, completed_at) VALUES "
                + DirectSql.values("(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.size()) + MERGE,
                rows.stream().map(Row::values).toList());
    }
}
