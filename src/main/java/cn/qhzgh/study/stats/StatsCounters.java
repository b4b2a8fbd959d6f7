package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DeferredWritesDue;
import cn.qhzgh.study.common.DirectSql;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        DirectSql.update(entityManager, """
                INSERT INTO org_worker_count (org_id, workers, changed_at)
                SELECT o.id, (SELECT COUNT(*) FROM worker w WHERE w.org_id = o.id), ? FROM organization o
                WHERE o.id IN (""" + DirectSql.in(changed.orgIds().size()) + """
                ) ORDER BY o.id
                ON DUPLICATE KEY UPDATE workers = VALUES(workers), changed_at = VALUES(changed_at)""",
                DbClock.now(), List.copyOf(changed.orgIds()));
    }

    /** A first call adds exactly one worker: an increment, which never waits on other workers' inserts. */
    void onWorkerJoined(@Observes WorkerJoined joined) {
        if (!live) {
            return;
        }
        DirectSql.update(entityManager, """
                INSERT INTO org_worker_count (org_id, workers, changed_at) VALUES (?, 1, ?)
                ON DUPLICATE KEY UPDATE workers = workers + 1, changed_at = VALUES(changed_at)""",
                joined.orgId(), DbClock.now());
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
        List<WorkerCampaignMerge.Row> rows = new ArrayList<>();
        List<ActiveDay> days = new ArrayList<>();
        for (long campaign : recorded.campaigns()) {
            List<RecordedEvent> events = recorded.eventsIn(campaign);
            long seconds = events.stream().mapToLong(RecordedEvent::creditedSeconds).sum();
            Instant first = events.stream().map(RecordedEvent::occurredAt).min(Instant::compareTo).orElseThrow();
            Instant last = events.stream().map(RecordedEvent::occurredAt).max(Instant::compareTo).orElseThrow();
            rows.add(WorkerCampaignMerge.Row.activity(worker, campaign, org, first, last, seconds));
            campaign(org, campaign, recorded.startedCampaigns().contains(campaign) ? 1 : 0, 0, seconds, 0, 0, 0);
            events.forEach(e -> deltas.add(SharedCounter.CHANNEL, List.of(org, campaign, e.channel().name()), 1,
                    e.creditedSeconds()));
            events.stream().map(e -> new ActiveDay(campaign, CampaignCalendar.dayOf(e.occurredAt())))
                    .distinct().sorted().forEach(days::add);
        }
        if (!rows.isEmpty()) {
            WorkerCampaignMerge.merge(entityManager, rows);
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
        WorkerCampaignMerge.merge(entityManager, List.of(WorkerCampaignMerge.Row.completed(change.workerId(),
                change.campaignId(), change.orgId(), change.at())));
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
        Integer previous = DirectSql.single(entityManager, """
                        SELECT MAX(score) FROM quiz_attempt
                        WHERE worker_id = ? AND quiz_id = ? AND id <> ? AND score IS NOT NULL""",
                row -> row.getObject(1, Integer.class), scored.workerId(), scored.quizId(), scored.attemptId());
        int attemptedDelta = previous == null ? 1 : 0;
        int bestDelta = previous == null ? scored.score() : Math.max(0, scored.score() - previous.intValue());
        if (scored.kind() == QuizKind.MODULE) {
            DirectSql.list(entityManager, "SELECT id FROM study_module WHERE notice_id = ? AND code = ?",
                            row -> row.getLong(1), scored.noticeId(), scored.moduleCode())
                    .forEach(m -> module(scored.orgId(), m, 0, 0, attemptedDelta, bestDelta));
            return;
        }
        boolean passedBefore = DirectSql.single(entityManager, "SELECT COUNT(*) FROM worker_campaign "
                        + "WHERE worker_id = ? AND campaign_id = ? AND final_passed = TRUE",
                row -> row.getLong(1), scored.workerId(), scored.campaignId()) > 0;
        int passedDelta = scored.passed() && !passedBefore ? 1 : 0;
        WorkerCampaignMerge.merge(entityManager, List.of(WorkerCampaignMerge.Row.finalScored(scored.workerId(),
                scored.campaignId(), scored.orgId(), scored.score(), scored.passed())));
        campaign(scored.orgId(), scored.campaignId(), 0, 0, 0, attemptedDelta, bestDelta, passedDelta);
    }

    /** At the end of a progress batch or a submission: the shared union rows it collected. */
    void onDeferredWritesDue(@Observes DeferredWritesDue due) {
        flush();
    }

    /** Writes the shared union counters this transaction collected: tables in lock order, rows in key order. */
    void flush() {
        Instant now = null;
        for (CounterDeltas.Upsert upsert : deltas.drain()) {
            now = now == null ? DbClock.now() : now;
            List<Object> values = new ArrayList<>();
            for (List<Object> row : upsert.rows()) {
                values.addAll(row);
                values.add(now);
            }
            DirectSql.update(entityManager, upsert.counter().upsertSql(upsert.rows().size()), values);
        }
    }

    /** A worker counts as active once per day and campaign, however many events they send that day. */
    private void markActive(long worker, long org, List<ActiveDay> days) {
        List<ActiveDay> fresh = days.size() == 1 ? insertIfAbsent(worker, days.get(0)) : insertAbsent(worker, days);
        fresh.forEach(d -> day(org, d.campaign(), d.day(), 0, 1));
    }

    /** One day: the primary key tells in the insert itself whether the worker was active that day already. */
    private List<ActiveDay> insertIfAbsent(long worker, ActiveDay day) {
        int inserted = DirectSql.update(entityManager,
                "INSERT IGNORE INTO worker_active_day (worker_id, campaign_id, activity_day) VALUES (?, ?, ?)",
                worker, day.campaign(), day.day());
        return inserted == 1 ? List.of(day) : List.of();
    }

    /** Several: reads which are known (exact under the worker's lock) and inserts the others in one statement. */
    private List<ActiveDay> insertAbsent(long worker, List<ActiveDay> days) {
        List<Long> campaigns = days.stream().map(ActiveDay::campaign).distinct().toList();
        List<LocalDate> dates = days.stream().map(ActiveDay::day).distinct().toList();
        Set<ActiveDay> known = Set.copyOf(DirectSql.list(entityManager,
                "SELECT campaign_id, activity_day FROM worker_active_day WHERE worker_id = ? AND campaign_id IN ("
                        + DirectSql.in(campaigns.size()) + ") AND activity_day IN (" + DirectSql.in(dates.size()) + ")",
                r -> new ActiveDay(r.getLong(1), r.getObject(2, LocalDate.class)), worker, campaigns, dates));
        List<ActiveDay> fresh = days.stream().filter(d -> !known.contains(d)).toList();
        if (!fresh.isEmpty()) {
            List<Object> active = new ArrayList<>();
            fresh.forEach(d -> active.addAll(List.of(worker, d.campaign(), d.day())));
            DirectSql.update(entityManager, "INSERT INTO worker_active_day (worker_id, campaign_id, activity_day) "
                    + "VALUES " + DirectSql.values("(?, ?, ?)", fresh.size()), active);
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
}
