package cn.qhzgh.study.progress;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.DeferredWritesDue;
import cn.qhzgh.study.common.DirectSql;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.retry.RetriedOnLockConflict;
import cn.qhzgh.study.content.ModuleCatalog;
import cn.qhzgh.study.content.ModuleRef;
import cn.qhzgh.study.org.WorkerLock;
import cn.qhzgh.study.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records a batch of reading events from a phone. Each event counts once per worker, whatever order and however
 * often it arrives: the merged state takes the highest percent and the sum of distinct events' credited seconds
 * ({@link ReadingCredit}); the seconds each event claimed are stored as they came.
 */
@ApplicationScoped
public class ProgressSyncService {

    private final EntityManager entityManager;
    private final ModuleCatalog catalog;
    private final CompletionService completion;
    private final Event<DeferredWritesDue> deferredWrites;
    private final BusinessMetrics metrics;
    private final CreditedSpans spans;
    private final CreditSettings credit;
    private final CampaignDirectory campaigns;

    public ProgressSyncService(EntityManager entityManager, ModuleCatalog catalog, CompletionService completion,
                               Event<DeferredWritesDue> deferredWrites, BusinessMetrics metrics, CreditedSpans spans,
                               CreditSettings credit, CampaignDirectory campaigns) {
        this.campaigns = campaigns;
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.completion = completion;
        this.deferredWrites = deferredWrites;
        this.metrics = metrics;
        this.spans = spans;
        this.credit = credit;
    }

    @RetriedOnLockConflict
    @Transactional
    public SyncResponse sync(Caller caller, List<JsonNode> events) {
        if (caller.workerId() == null) {
            throw DomainException.forbidden("workers-only", "Only workers record reading progress.");
        }
        long workerId = caller.workerId();
        // First, before any read: later reads then see every batch of this worker committed before ours.
        long orgId = WorkerLock.acquire(entityManager, workerId);
        Instant now = DbClock.now();
        EventResult[] results = new EventResult[events.size()];
        List<ProgressEvent> valid = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventValidator.Outcome outcome = EventValidator.check(i, events.get(i), now);
            if (outcome.event() == null) {
                results[i] = new EventResult(eventIdOf(events.get(i)), EventStatus.REJECTED, null, outcome.problem());
            } else {
                valid.add(outcome.event());
            }
        }
        Map<Long, ModuleRef> modules = valid.isEmpty() ? Map.of()
                : catalog.refs(valid.stream().map(ProgressEvent::moduleId).collect(Collectors.toSet()));
        Set<String> inBatch = new HashSet<>();
        List<ProgressEvent> candidates = new ArrayList<>();
        for (ProgressEvent event : valid) {
            if (!modules.containsKey(event.moduleId())) {
                results[event.index()] = new EventResult(event.eventId(), EventStatus.REJECTED, null,
                        EventValidator.unknownModule(event.index(), event.moduleId()).problem());
            } else if (!inBatch.add(event.eventId())) {
                results[event.index()] = new EventResult(event.eventId(), EventStatus.DUPLICATE, 0, null);
            } else {
                candidates.add(event);
            }
        }
        Map<String, Integer> credited = storeUnseen(workerId, orgId, caller.orgPath(), candidates, modules, now);
        deferredWrites.fire(new DeferredWritesDue());
        for (ProgressEvent event : candidates) {
            Integer seconds = credited.get(event.eventId());
            results[event.index()] = seconds == null ? new EventResult(event.eventId(), EventStatus.DUPLICATE, 0, null)
                    : new EventResult(event.eventId(), EventStatus.ACCEPTED, seconds, null);
        }
        for (EventStatus status : EventStatus.values()) {
            metrics.progressEvents(status.name(), Arrays.stream(results).filter(r -> r.status() == status).count());
        }
        return new SyncResponse(List.of(results));
    }

    /**
     * Credits and stores the events this worker has not sent before, then merges them into the per-module state and
     * lets completions and counters follow; returns the seconds credited to each stored event. Under the worker's
     * lock, a read of the stored ids is exact; a single event skips it and lets the primary key answer inside the
     * insert (its credit, computed first, is then dropped).
     */
    private Map<String, Integer> storeUnseen(long workerId, long orgId, String orgPath, List<ProgressEvent> events,
                                             Map<Long, ModuleRef> modules, Instant now) {
        if (events.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<CampaignRef>> counting = new HashMap<>();
        events.forEach(e -> counting.computeIfAbsent(modules.get(e.moduleId()).noticeId(),
                notice -> campaigns.countingFor(notice, orgPath)));
        // A campaign's start is the worker's first progress in any of its notices, so the prior read covers them all.
        Set<Long> noticeIds = new HashSet<>(counting.keySet());
        counting.values().forEach(list -> list.forEach(c -> noticeIds.addAll(c.noticeIds())));
        List<String> askIfStored = events.size() == 1 ? List.of() : events.stream().map(ProgressEvent::eventId).toList();
        PriorProgress prior = priorProgress(workerId, noticeIds, askIfStored);
        List<ProgressEvent> unseen = events.stream().filter(e -> !prior.stored(e.eventId())).toList();
        if (unseen.isEmpty()) {
            return Map.of();
        }
        List<ReadingCredit.Claim> claims = unseen.stream().map(ProgressSyncService::claim).toList();
        Map<Long, Long> room = new HashMap<>();
        unseen.forEach(e -> room.put(e.moduleId(), ReadingCredit.moduleCapSeconds(
                modules.get(e.moduleId()).readingMinutes(), credit.moduleMultiple()) - prior.credited(e.moduleId())));
        List<ReadingCredit.Span> reachable = ReadingCredit.endingAfter(prior.spans(),
                ReadingCredit.earliestClaimableSecond(now));
        ReadingCredit.Outcome outcome = ReadingCredit.credit(reachable, room, claims);
        int inserted = insertEvents(unseen.size() == 1 ? "INSERT IGNORE" : "INSERT", workerId, unseen, modules, now,
                outcome.credited());
        if (inserted == 0) {
            return Map.of();
        }
        if (!outcome.spans().equals(prior.spans())) {
            spans.store(workerId, outcome.spans());
        }
        record(workerId, orgId, unseen, modules, prior, outcome.credited(), counting);
        return outcome.credited();
    }

    private static ReadingCredit.Claim claim(ProgressEvent e) {
        return new ReadingCredit.Claim(e.eventId(), e.moduleId(), e.occurredAt().getEpochSecond(), e.secondsSpent());
    }

    /** Merges the stored events into the per-module state, then lets completions and counters follow. */
    private void record(long workerId, long orgId, List<ProgressEvent> accepted, Map<Long, ModuleRef> modules,
                        PriorProgress prior, Map<String, Integer> credited, Map<Long, List<CampaignRef>> counting) {
        Map<Long, ModuleDelta> deltas = new LinkedHashMap<>();
        accepted.forEach(e -> deltas.computeIfAbsent(e.moduleId(), id -> new ModuleDelta())
                .add(e, credited.get(e.eventId())));
        mergeIntoModules(workerId, deltas);
        List<CompletionCandidate> completable = new ArrayList<>();
        deltas.forEach((moduleId, delta) -> {
            ModuleRef module = modules.get(moduleId);
            long minimum = ReadingCredit.completionMinimumSeconds(module.readingMinutes(),
                    credit.completionMinimumFraction());
            if (prior.completableAfter(moduleId, delta.percent, delta.credited, minimum)) {
                completable.add(new CompletionCandidate(moduleId, module.noticeId(), module.code(), delta.last));
            }
        });
        Set<Long> startedModules = deltas.keySet().stream().filter(m -> !prior.touched(m)).collect(Collectors.toSet());
        Map<Long, List<Long>> campaignsByNotice = new HashMap<>();
        Set<Long> startedCampaigns = new HashSet<>();
        counting.forEach((notice, list) -> {
            campaignsByNotice.put(notice, list.stream().map(CampaignRef::id).toList());
            list.stream().filter(c -> !prior.touchedAny(c.noticeIds())).forEach(c -> startedCampaigns.add(c.id()));
        });
        List<RecordedEvent> recorded = accepted.stream().map(e -> new RecordedEvent(e.moduleId(),
                modules.get(e.moduleId()).noticeId(), credited.get(e.eventId()), e.occurredAt(), e.channel())).toList();
        completion.afterProgress(new ProgressRecorded(workerId, orgId, recorded, startedModules, campaignsByNotice,
                startedCampaigns), completable, counting);
    }

    /**
     * In one round trip: the worker's module rows in these notices before this batch's merge (kind 0), the worker's
     * credited spans (kind 1, at most one row) and which of {@code eventIds} the worker has sent before (kind 2).
     */
    private PriorProgress priorProgress(long workerId, Set<Long> noticeIds, List<String> eventIds) {
        String storedIds = eventIds.isEmpty() ? "" : """
                UNION ALL
                SELECT 2, 0, 0, 0, 0, 0, NULL, e.event_id FROM progress_event e
                WHERE e.worker_id = ? AND e.event_id IN (""" + DirectSql.in(eventIds.size()) + ")";
        List<PriorRow> rows = DirectSql.list(entityManager, """
                SELECT 0, p.module_id, m.notice_id, p.percent,
                       CASE WHEN p.completed_at IS NULL THEN 0 ELSE 1 END, p.credited_seconds, NULL, NULL
                FROM module_progress p JOIN study_module m ON m.id = p.module_id
                WHERE p.worker_id = ? AND m.notice_id IN (""" + DirectSql.in(noticeIds.size()) + """
                )
                UNION ALL
                SELECT 1, 0, 0, 0, 0, 0, c.spans, NULL FROM worker_credit c WHERE c.worker_id = ?
                """ + storedIds,
                r -> new PriorRow(r.getInt(1), r.getLong(2), r.getLong(3), r.getInt(4), r.getInt(5) == 1,
                        r.getLong(6), r.getBytes(7), r.getString(8)),
                workerId, List.copyOf(noticeIds), workerId,
                eventIds.isEmpty() ? List.of() : List.of(workerId, eventIds));
        Map<Long, PriorProgress.Row> byModule = new HashMap<>();
        Set<Long> touchedNotices = new HashSet<>();
        List<ReadingCredit.Span> credited = List.of();
        Set<String> stored = new HashSet<>();
        for (PriorRow row : rows) {
            switch (row.kind()) {
                case 0 -> {
                    byModule.put(row.moduleId(), new PriorProgress.Row(row.percent(), row.completed(), row.credited()));
                    touchedNotices.add(row.noticeId());
                }
                case 1 -> credited = SpanCodec.decode(row.packedSpans());
                default -> stored.add(row.eventId());
            }
        }
        return new PriorProgress(byModule, touchedNotices, credited, stored);
    }

    /** One multi-row insert for the whole batch; returns the number of rows inserted. */
    private int insertEvents(String insertVerb, long workerId, List<ProgressEvent> events, Map<Long, ModuleRef> modules,
                             Instant now, Map<String, Integer> credited) {
        List<Object> values = new ArrayList<>(events.size() * 10);
        for (ProgressEvent e : events) {
            values.addAll(Arrays.asList(workerId, e.eventId(), e.moduleId(), modules.get(e.moduleId()).currentVersion(),
                    e.percent(), e.secondsSpent(), credited.get(e.eventId()), e.occurredAt(), now, e.channel().name()));
        }
        return DirectSql.update(entityManager, insertVerb + " INTO progress_event (worker_id, event_id, module_id, "
                + "module_version, percent, seconds_spent, credited_seconds, occurred_at, received_at, channel) VALUES "
                + DirectSql.values("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events.size()), values);
    }

    /** One upsert for all modules of the batch: GREATEST and sums make the result independent of arrival order. */
    private void mergeIntoModules(long workerId, Map<Long, ModuleDelta> deltas) {
        List<Object> values = new ArrayList<>(deltas.size() * 7);
        deltas.forEach((moduleId, d) -> values.addAll(Arrays.asList(workerId, moduleId, d.percent, d.seconds,
                d.credited, d.first, d.last)));
        DirectSql.update(entityManager, "INSERT INTO module_progress (worker_id, module_id, percent, seconds_spent, "
                + "credited_seconds, first_activity_at, last_activity_at, completed_at) VALUES "
                + DirectSql.values("(?, ?, ?, ?, ?, ?, ?, NULL)", deltas.size())
                + " ON DUPLICATE KEY UPDATE percent = GREATEST(percent, VALUES(percent)), "
                + "seconds_spent = seconds_spent + VALUES(seconds_spent), "
                + "credited_seconds = credited_seconds + VALUES(credited_seconds), "
                + "first_activity_at = LEAST(first_activity_at, VALUES(first_activity_at)), "
                + "last_activity_at = GREATEST(last_activity_at, VALUES(last_activity_at))", values);
    }

    private static String eventIdOf(JsonNode node) {
        return node != null && node.path("eventId").isTextual() ? node.path("eventId").asText() : null;
    }

    /** A module row (kind 0), the worker's packed credited spans (kind 1) or a stored event id (kind 2). */
    private record PriorRow(int kind, long moduleId, long noticeId, int percent, boolean completed, long credited,
                            byte[] packedSpans, String eventId) {
    }

    /** What one batch adds to one module; {@code last} dates a completion it causes. */
    private static final class ModuleDelta {
        private int percent;
        private long seconds;
        private long credited;
        private Instant first;
        private Instant last;

        void add(ProgressEvent e, int creditedSeconds) {
            percent = Math.max(percent, e.percent());
            seconds += e.secondsSpent();
            credited += creditedSeconds;
            first = first == null || e.occurredAt().isBefore(first) ? e.occurredAt() : first;
            last = last == null || e.occurredAt().isAfter(last) ? e.occurredAt() : last;
        }
    }
}
