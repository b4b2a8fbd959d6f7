package cn.qhzgh.study.stats;

import java.util.List;

/**
 * A counter table and the query that recomputes it from the source tables for the orgs with ids between ?1 and
 * ?2. The query returns the key columns then the counter columns, in the order named here; it reaches the sources
 * through the workers of those orgs, so one range reads one slice of every source table.
 */
record CounterTable(String table, List<String> keys, List<String> counters, String expected) {

    static final List<CounterTable> ORG_COUNTERS = List.of(
            new CounterTable("org_worker_count", List.of("org_id"), List.of("workers"),
                    "SELECT org_id, COUNT(*) FROM worker WHERE org_id BETWEEN ?1 AND ?2 GROUP BY org_id"),
            new CounterTable("org_campaign_count", List.of("org_id", "notice_id"),
                    List.of("started", "completed", "seconds_spent", "final_attempted", "final_best_sum", "final_passed"),
                    """
                    SELECT org_id, notice_id, SUM(CASE WHEN started_at IS NOT NULL THEN 1 ELSE 0 END),
                           SUM(CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END), SUM(seconds_spent),
                           SUM(CASE WHEN final_best_score IS NOT NULL THEN 1 ELSE 0 END),
                           SUM(COALESCE(final_best_score, 0)), SUM(CASE WHEN final_passed THEN 1 ELSE 0 END)
                    FROM worker_campaign WHERE org_id BETWEEN ?1 AND ?2 GROUP BY org_id, notice_id"""),
            new CounterTable("org_module_count", List.of("org_id", "module_id"),
                    List.of("started", "completed", "quiz_attempted", "quiz_best_sum"),
                    """
                    SELECT org_id, module_id, SUM(started), SUM(completed), SUM(attempted), SUM(best) FROM (
                        SELECT w.org_id, p.module_id, 1 AS started,
                               CASE WHEN p.completed_at IS NOT NULL THEN 1 ELSE 0 END AS completed,
                               0 AS attempted, 0 AS best
                        FROM worker w JOIN module_progress p ON p.worker_id = w.id
                        WHERE w.org_id BETWEEN ?1 AND ?2
                        UNION ALL
                        SELECT b.org_id, m.id, 0, 0, 1, b.best
                        FROM (SELECT w.org_id, a.worker_id, a.quiz_id, MAX(a.score) AS best
                              FROM worker w JOIN quiz_attempt a ON a.worker_id = w.id
                              WHERE w.org_id BETWEEN ?1 AND ?2 AND a.score IS NOT NULL
                              GROUP BY w.org_id, a.worker_id, a.quiz_id) b
                        JOIN quiz q ON q.id = b.quiz_id AND q.kind = 'MODULE'
                        JOIN study_module m ON m.notice_id = q.notice_id AND m.code = q.module_code) x
                    GROUP BY org_id, module_id"""),
            new CounterTable("org_day_count", List.of("org_id", "notice_id", "activity_day"),
                    List.of("completions", "active_workers"),
                    """
                    SELECT org_id, notice_id, activity_day, SUM(completions), SUM(active) FROM (
                        SELECT w.org_id, d.notice_id, d.activity_day, 0 AS completions, 1 AS active
                        FROM worker w JOIN worker_active_day d ON d.worker_id = w.id
                        WHERE w.org_id BETWEEN ?1 AND ?2
                        UNION ALL
                        SELECT w.org_id, c.notice_id, CAST(TIMESTAMPADD(HOUR, 8, c.completed_at) AS DATE) AS activity_day, 1, 0
                        FROM worker w JOIN campaign_completion c ON c.worker_id = w.id
                        WHERE w.org_id BETWEEN ?1 AND ?2) x
                    GROUP BY org_id, notice_id, activity_day"""),
            new CounterTable("org_channel_count", List.of("org_id", "notice_id", "channel"),
                    List.of("events", "seconds_spent"),
                    """
                    SELECT x.org_id, m.notice_id, x.channel, SUM(x.events), SUM(x.seconds) FROM (
                        SELECT w.org_id, e.module_id, e.channel, COUNT(*) AS events,
                               SUM(COALESCE(e.credited_seconds, 0)) AS seconds
                        FROM worker w JOIN progress_event e ON e.worker_id = w.id
                        WHERE w.org_id BETWEEN ?1 AND ?2
                        GROUP BY w.org_id, e.module_id, e.channel) x
                    JOIN study_module m ON m.id = x.module_id
                    GROUP BY x.org_id, m.notice_id, x.channel"""),
            new CounterTable("org_question_count", List.of("org_id", "question_id"), List.of("asked", "correct"),
                    """
                    SELECT w.org_id, x.question_id, COUNT(*), SUM(CASE WHEN x.correct THEN 1 ELSE 0 END)
                    FROM worker w JOIN quiz_attempt a ON a.worker_id = w.id JOIN attempt_answer x ON x.attempt_id = a.id
                    WHERE w.org_id BETWEEN ?1 AND ?2
                    GROUP BY w.org_id, x.question_id"""));
}
