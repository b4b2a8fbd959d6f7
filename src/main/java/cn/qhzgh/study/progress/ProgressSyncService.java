package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.org.WorkerLock;
import cn.qhzgh.study.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
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
 * often it arrives: the merged state takes the highest percent and the sum of distinct events' seconds.
 */
@ApplicationScoped
public class ProgressSyncService {

    private final EntityManager entityManager;
    private final CompletionService completion;
    private final BusinessMetrics metrics;

    public ProgressSyncService(EntityManager entityManager, CompletionService completion, BusinessMetrics metrics) {
        this.entityManager = entityManager;
        this.completion = completion;
        this.metrics = metrics;
    }

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
                results[i] = new EventResult(eventIdOf(events.get(i)), EventStatus.REJECTED, outcome.problem());
            } else {
                valid.add(outcome.event());
            }
        }
        Map<Long, long[]> modules = modules(valid);
        Set<String> seen = existingEventIds(workerId, valid);
        List<ProgressEvent> accepted = new ArrayList<>();
        for (ProgressEvent event : valid) {
            if (!modules.containsKey(event.moduleId())) {
                results[event.index()] = new EventResult(event.eventId(), EventStatus.REJECTED,
                        EventValidator.unknownModule(event.index(), event.moduleId()).problem());
            } else if (!seen.add(event.eventId())) {
                results[event.index()] = new EventResult(event.eventId(), EventStatus.DUPLICATE, null);
            } else {
                accepted.add(event);
                results[event.index()] = new EventResult(event.eventId(), EventStatus.ACCEPTED, null);
            }
        }
        if (!accepted.isEmpty()) {
            insertEvents(workerId, accepted, modules, now);
            Set<Long> started = firstTouches(workerId, accepted);
            Map<Long, Instant> latest = mergeIntoModules(workerId, accepted);
            List<RecordedEvent> recorded = accepted.stream().map(e -> new RecordedEvent(e.moduleId(),
                    modules.get(e.moduleId())[1], e.secondsSpent(), e.occurredAt(), e.channel())).toList();
            completion.afterProgress(new ProgressRecorded(workerId, orgId, recorded, started), latest);
        }
        for (EventStatus status : EventStatus.values()) {
            metrics.progressEvents(status.name(), Arrays.stream(results).filter(r -> r.status() == status).count());
        }
        return new SyncResponse(List.of(results));
    }

    /** Current version and notice of each module the events name; unknown ids are absent. */
    private Map<Long, long[]> modules(List<ProgressEvent> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = events.stream().map(ProgressEvent::moduleId).distinct().toList();
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT id, current_version, notice_id FROM study_module WHERE id IN (?1)")
                .setParameter(1, ids).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(),
                r -> new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
    }

    /** Modules of the batch this worker had no progress in yet. */
    private Set<Long> firstTouches(long workerId, List<ProgressEvent> events) {
        Set<Long> touched = events.stream().map(ProgressEvent::moduleId).collect(Collectors.toSet());
        List<Number> known = entityManager.createNativeQuery(
                        "SELECT module_id FROM module_progress WHERE worker_id = ?1 AND module_id IN (?2)")
                .setParameter(1, workerId).setParameter(2, List.copyOf(touched)).getResultList();
        known.forEach(id -> touched.remove(id.longValue()));
        return touched;
    }

    private Set<String> existingEventIds(long workerId, List<ProgressEvent> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        List<String> ids = events.stream().map(ProgressEvent::eventId).distinct().toList();
        List<String> existing = entityManager.createNativeQuery(
                        "SELECT event_id FROM progress_event WHERE worker_id = ?1 AND event_id IN (?2)")
                .setParameter(1, workerId).setParameter(2, ids).getResultList();
        return new HashSet<>(existing);
    }

    /** One multi-row insert for the whole batch. */
    private void insertEvents(long workerId, List<ProgressEvent> events, Map<Long, long[]> modules, Instant now) {
        StringBuilder sql = new StringBuilder("INSERT INTO progress_event (worker_id, event_id, module_id, "
                + "module_version, percent, seconds_spent, occurred_at, received_at, channel) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        Query insert = entityManager.createNativeQuery(sql.toString());
        int p = 1;
        for (ProgressEvent e : events) {
            insert.setParameter(p++, workerId).setParameter(p++, e.eventId()).setParameter(p++, e.moduleId())
                    .setParameter(p++, modules.get(e.moduleId())[0]).setParameter(p++, e.percent())
                    .setParameter(p++, e.secondsSpent()).setParameter(p++, Timestamp.from(e.occurredAt()))
                    .setParameter(p++, Timestamp.from(now)).setParameter(p++, e.channel().name());
        }
        insert.executeUpdate();
    }

    /**
     * One upsert for all modules of the batch: GREATEST and sums make the result independent of arrival order.
     * Returns each module's latest activity, the moment a completion would be dated.
     */
    private Map<Long, Instant> mergeIntoModules(long workerId, List<ProgressEvent> events) {
        Map<Long, ModuleDelta> deltas = new LinkedHashMap<>();
        events.forEach(e -> deltas.computeIfAbsent(e.moduleId(), id -> new ModuleDelta()).add(e));
        StringBuilder sql = new StringBuilder("INSERT INTO module_progress (worker_id, module_id, percent, "
                + "seconds_spent, first_activity_at, last_activity_at, completed_at) VALUES ");
        for (int i = 0; i < deltas.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, NULL)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE percent = GREATEST(percent, VALUES(percent)), "
                + "seconds_spent = seconds_spent + VALUES(seconds_spent), "
                + "first_activity_at = LEAST(first_activity_at, VALUES(first_activity_at)), "
                + "last_activity_at = GREATEST(last_activity_at, VALUES(last_activity_at))");
        Query upsert = entityManager.createNativeQuery(sql.toString());
        int p = 1;
        Map<Long, Instant> latest = new HashMap<>();
        for (Map.Entry<Long, ModuleDelta> entry : deltas.entrySet()) {
            ModuleDelta d = entry.getValue();
            upsert.setParameter(p++, workerId).setParameter(p++, entry.getKey()).setParameter(p++, d.percent)
                    .setParameter(p++, d.seconds).setParameter(p++, Timestamp.from(d.first))
                    .setParameter(p++, Timestamp.from(d.last));
            latest.put(entry.getKey(), d.last);
        }
        upsert.executeUpdate();
        return latest;
    }

    private static String eventIdOf(JsonNode node) {
        return node != null && node.path("eventId").isTextual() ? node.path("eventId").asText() : null;
    }

    /** What one batch adds to one module. */
    private static final class ModuleDelta {
        private int percent;
        private long seconds;
        private Instant first;
        private Instant last;

        void add(ProgressEvent e) {
            percent = Math.max(percent, e.percent());
            seconds += e.secondsSpent();
            first = first == null || e.occurredAt().isBefore(first) ? e.occurredAt() : first;
            last = last == null || e.occurredAt().isAfter(last) ? e.occurredAt() : last;
        }
    }
}
