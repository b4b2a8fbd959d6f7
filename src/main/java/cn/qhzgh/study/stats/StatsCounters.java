package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DeferredWritesDue;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.WorkerJoined;
import cn.qhzgh.study.org.WorkersChanged;
import cn.qhzgh.study.progress.CompletionChanged;
import cn.qhzgh.study.progress.ProgressRecorded;
import cn.qhzgh.study.progress.RecordedEvent;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.quiz.attempt.AttemptScored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the per-org counters in step with the records, inside the transaction that writes the records.
 * Every update is an upsert on a row of the worker's own union; the caller holds the worker's lock. The worker's
 * own rows are written at once; the union rows other workers share are collected and written by {@link #flush()}
 * at the end of the transaction ({@link DeferredWritesDue}), in one lock order for every path.
 */
@ApplicationScoped
public class StatsCounters {

    private final EntityManager entityManager;
    private final CounterDeltas deltas;
    private final boolean live;

    public StatsCounters(EntityManager entityManager, CounterDeltas deltas, StatsConfig config) {
        this.entityManager = entityManager;
        this.deltas = deltas;
        this.live = config.liveCounters();
    }

    /** False while a bulk backfill runs with the counters off; every observer of records checks it. */
    boolean live() {
        return live;
    }

    /** Recounts the workers of the unions an import or a first call changed; an index range per union. */
    void onWorkersChanged(@Observes WorkersChanged changed) {
        if (!live) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO org_worker_count (org_id, workers, changed_at)
                        SELECT o.id, (SELECT COUNT(*) FROM worker w WHERE w.org_id = o.id), ?2 FROM organization o
                        WHERE o.id IN (?1) ORDER BY o.id
                        ON DUPLICATE KEY UPDATE workers = VALUES(workers), changed_at = VALUES(changed_at)""")
                .setParameter(1, List.copyOf(changed.orgIds())).setParameter(2, Timestamp.from(DbClock.now()))
                .executeUpdate();
    }

    /** A first call adds exactly one worker: an increment, which never waits on other workers' inserts. */
    void onWorkerJoined(@Observes WorkerJoined joined) {
        if (!live) {
            return;
        }
        entityManager.createNativeQuery("""
                        INSERT INTO org_worker_count (org_id, workers, changed_at) VALUES (?1, 1, ?2)
                        ON DUPLICATE KEY UPDATE workers = workers + 1, changed_at = VALUES(changed_at)""")
                .setParameter(1, joined.orgId()).setParameter(2, Timestamp.from(DbClock.now())).executeUpdate();
    }

    /**
     * One statement for the worker's rows of every campaign the batch counts in, and one or two for their active
     * days, however many campaigns study the batch's documents; the shared union rows wait for {@link #flush()}.
     */
    void onProgress(@Observes ProgressRecorded recorded) {
        if (!live) {
            return;
        }
        long worker = recorded.workerId();
        long org = recorded.orgId();
        List<Object> rows = new ArrayList<>();
        List<ActiveDay> days = new ArrayList<>();
        for (long campaign : recorded.campaigns()) {
            List<RecordedEvent> events = recorded.eventsIn(campaign);
            long seconds = events.stream().mapToLong(RecordedEvent::creditedSeconds).sum();
            Instant first = events.stream().map(RecordedEvent::occurredAt).min(Instant::compareTo).orElseThrow();
            Instant last = events.stream().map(RecordedEvent::occurredAt).max(Instant::compareTo).orElseThrow();
            rows.addAll(List.of(worker, campaign, org, Timestamp.from(first), Timestamp.from(last), seconds));
            campaign(org, campaign, recorded.startedCampaigns().contains(campaign) ? 1 : 0, 0, seconds, 0, 0, 0);
            events.forEach(e -> deltas.add(SharedCounter.CHANNEL, List.of(org, campaign, e.channel().name()), 1,
                    e.creditedSeconds()));
            events.stream().map(e -> new ActiveDay(campaign, CampaignCalendar.dayOf(e.occurredAt())))
                    .distinct().sorted().forEach(days::add);
        }
        if (!rows.isEmpty()) {
            sqlRows("""
                    INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at,
                                                 seconds_spent, final_best_score, final_passed, completed_at)
                    VALUES\s""", "(?, ?, ?, ?, ?, ?, NULL, FALSE, NULL)", rows.size() / 6,
                    " ON DUPLICATE KEY UPDATE started_at = LEAST(COALESCE(started_at, VALUES(started_at)), "
                            + "VALUES(started_at)), last_activity_at = GREATEST(COALESCE(last_activity_at, "
                            + "VALUES(last_activity_at)), VALUES(last_activity_at)), "
                            + "seconds_spent = seconds_spent + VALUES(seconds_spent)", rows);
            markActive(worker, org, days);
        }
        recorded.startedModules().forEach(module -> module(org, module, 1, 0, 0, 0));
    }

    /** A day a worker was active in a campaign; ordered by campaign, then day, the order rows are written in. */
    private record ActiveDay(long campaign, LocalDate day) implements Comparable<ActiveDay> {
        @Override
        public int compareTo(ActiveDay other) {
            int byCampaign = Long.compare(campaign, other.campaign);
            return byCampaign != 0 ? byCampaign : day.compareTo(other.day);
        }
    }

    void onCompletion(@Observes CompletionChanged change) {
        if (!live) {
            return;
        }
        if (change.kind() == CompletionChanged.Kind.MODULE_COMPLETED) {
            module(change.orgId(), change.moduleId(), 0, 1, 0, 0);
            return;
        }
        sql("""
                INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at, seconds_spent,
                                             final_best_score, final_passed, completed_at)
                VALUES (?1, ?2, ?3, NULL, NULL, 0, NULL, FALSE, ?4)
                ON DUPLICATE KEY UPDATE completed_at = COALESCE(completed_at, VALUES(completed_at))""",
                change.workerId(), change.campaignId(), change.orgId(), Timestamp.from(change.at()));
        campaign(change.orgId(), change.campaignId(), 0, 1, 0, 0, 0, 0);
        day(change.orgId(), change.campaignId(), CampaignCalendar.dayOf(change.at()), 1, 0);
    }

    void onAttempt(@Observes AttemptScored scored) {
        if (!live) {
            return;
        }
        if (scored.kind() == QuizKind.DAILY || scored.kind() == QuizKind.MODULE && scored.noticeId() == null
                || scored.kind() == QuizKind.FINAL && scored.campaignId() == null) {
            return;
        }
        Number previous = (Number) entityManager.createNativeQuery("""
                        SELECT MAX(score) FROM quiz_attempt
                        WHERE worker_id = ?1 AND quiz_id = ?2 AND id <> ?3 AND score IS NOT NULL""")
                .setParameter(1, scored.workerId()).setParameter(2, scored.quizId()).setParameter(3, scored.attemptId())
                .getSingleResult();
        int attemptedDelta = previous == null ? 1 : 0;
        int bestDelta = previous == null ? scored.score() : Math.max(0, scored.score() - previous.intValue());
        if (scored.kind() == QuizKind.MODULE) {
            List<Number> modules = entityManager.createNativeQuery(
                            "SELECT id FROM study_module WHERE notice_id = ?1 AND code = ?2")
                    .setParameter(1, scored.noticeId()).setParameter(2, scored.moduleCode()).getResultList();
            modules.forEach(m -> module(scored.orgId(), m.longValue(), 0, 0, attemptedDelta, bestDelta));
            return;
        }
        boolean passedBefore = count("SELECT COUNT(*) FROM worker_campaign WHERE worker_id = ?1 AND campaign_id = ?2 "
                + "AND final_passed = TRUE", scored.workerId(), scored.campaignId()) > 0;
        int passedDelta = scored.passed() && !passedBefore ? 1 : 0;
        sql("""
                INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at, seconds_spent,
                                             final_best_score, final_passed, completed_at)
                VALUES (?1, ?2, ?3, NULL, NULL, 0, ?4, ?5, NULL)
                ON DUPLICATE KEY UPDATE final_best_score = GREATEST(COALESCE(final_best_score, 0), VALUES(final_best_score)),
                    final_passed = (final_passed OR VALUES(final_passed))""",
                scored.workerId(), scored.campaignId(), scored.orgId(), scored.score(), scored.passed());
        campaign(scored.orgId(), scored.campaignId(), 0, 0, 0, attemptedDelta, bestDelta, passedDelta);
    }

    /** At the end of a progress batch or a submission: the shared union rows it collected. */
    void onDeferredWritesDue(@Observes DeferredWritesDue due) {
        flush();
    }

    /** Writes the shared union counters this transaction collected: tables in lock order, rows in key order. */
    void flush() {
        Timestamp now = null;
        for (CounterDeltas.Upsert upsert : deltas.drain()) {
            now = now == null ? Timestamp.from(DbClock.now()) : now;
            var query = entityManager.createNativeQuery(upsert.counter().upsertSql(upsert.rows().size()));
            int p = 1;
            for (List<Object> row : upsert.rows()) {
                for (Object value : row) {
                    query.setParameter(p++, value instanceof LocalDate day ? Date.valueOf(day) : value);
                }
                query.setParameter(p++, now);
            }
            query.executeUpdate();
        }
    }

    private void sqlRows(String head, String tuple, int rows, String tail, List<Object> params) {
        StringBuilder sql = new StringBuilder(head);
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(tuple);
        }
        var query = entityManager.createNativeQuery(sql.append(tail).toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        query.executeUpdate();
    }

    /** A worker counts as active once per day and campaign, however many events they send that day. */
    private void markActive(long worker, long org, List<ActiveDay> days) {
        List<ActiveDay> fresh = days.size() == 1 ? insertIfAbsent(worker, days.get(0)) : insertAbsent(worker, days);
        fresh.forEach(d -> day(org, d.campaign(), d.day(), 0, 1));
    }

    /** One day: the primary key tells in the insert itself whether the worker was active that day already. */
    private List<ActiveDay> insertIfAbsent(long worker, ActiveDay day) {
        int inserted = entityManager.createNativeQuery(
                        "INSERT IGNORE INTO worker_active_day (worker_id, campaign_id, activity_day) VALUES (?1, ?2, ?3)")
                .setParameter(1, worker).setParameter(2, day.campaign()).setParameter(3, Date.valueOf(day.day()))
                .executeUpdate();
        return inserted == 1 ? List.of(day) : List.of();
    }

    /** Several: reads which are known (exact under the worker's lock) and inserts the others in one statement. */
    private List<ActiveDay> insertAbsent(long worker, List<ActiveDay> days) {
        Set<ActiveDay> known = NativeRows.list(entityManager.createNativeQuery("""
                                SELECT campaign_id, activity_day FROM worker_active_day
                                WHERE worker_id = ?1 AND campaign_id IN (?2) AND activity_day IN (?3)""")
                        .setParameter(1, worker)
                        .setParameter(2, days.stream().map(ActiveDay::campaign).distinct().toList())
                        .setParameter(3, days.stream().map(d -> Date.valueOf(d.day())).distinct().toList()),
                r -> new ActiveDay(r.longAt(0), r.dateAt(1))).stream().collect(Collectors.toSet());
        List<ActiveDay> fresh = days.stream().filter(d -> !known.contains(d)).toList();
        if (!fresh.isEmpty()) {
            List<Object> active = new ArrayList<>();
            fresh.forEach(d -> active.addAll(List.of(worker, d.campaign(), Date.valueOf(d.day()))));
            sqlRows("INSERT INTO worker_active_day (worker_id, campaign_id, activity_day) VALUES ", "(?, ?, ?)",
                    fresh.size(), "", active);
        }
        return fresh;
    }

    private void campaign(long org, long campaign, int started, int completed, long seconds, int finalAttempted,
                          long finalBest, int finalPassed) {
        deltas.add(SharedCounter.CAMPAIGN, List.of(org, campaign), started, completed, seconds, finalAttempted, finalBest,
                finalPassed);
    }

    private void module(long org, long module, int started, int completed, int quizAttempted, long quizBest) {
        deltas.add(SharedCounter.MODULE, List.of(org, module), started, completed, quizAttempted, quizBest);
    }

    private void day(long org, long campaign, LocalDate day, int completions, int active) {
        deltas.add(SharedCounter.DAY, List.of(org, campaign, day), completions, active);
    }

    private void sql(String sql, Object... params) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        query.executeUpdate();
    }

    private long count(String sql, Object... params) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
