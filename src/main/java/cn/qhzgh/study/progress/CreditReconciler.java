package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DirectSql;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.content.ModuleCatalog;
import cn.qhzgh.study.content.ModuleRef;
import cn.qhzgh.study.org.WorkerLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Recomputes credited reading time, each step inside the caller's transaction. A worker with events stored before
 * credit existed (credited_seconds NULL) has all their events credited again, batch by batch in the order stored,
 * by the same rule as a live request; every module's credited sum is then made the sum of its events' credits.
 * Counters built from those sums are reconciled after this.
 */
@ApplicationScoped
public class CreditReconciler {

    private record StoredEvent(String eventId, long moduleId, int seconds, Instant occurredAt, Instant receivedAt,
                               Integer creditedSeconds) {
    }

    private static final int BATCH = 1000;

    private final EntityManager entityManager;
    private final ModuleCatalog catalog;
    private final CreditedSpans spans;
    private final CreditSettings credit;

    public CreditReconciler(EntityManager entityManager, ModuleCatalog catalog, CreditedSpans spans,
                            CreditSettings credit) {
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.spans = spans;
        this.credit = credit;
    }

    /**
     * The events of the workers with ids in [fromWorker, toWorker], summed per worker and module in one read of
     * their primary-key range: what each module's credited sum must be, and which workers have events without credit.
     */
    public record ModuleSums(List<Long> uncreditedWorkers, Map<List<Long>, Long> creditedSeconds) {
    }

    public ModuleSums moduleSums(long fromWorker, long toWorker) {
        List<EventSum> rows = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT worker_id, module_id, COALESCE(SUM(credited_seconds), 0),
                               SUM(CASE WHEN credited_seconds IS NULL THEN 1 ELSE 0 END)
                        FROM progress_event WHERE worker_id BETWEEN ?1 AND ?2 GROUP BY worker_id, module_id""")
                        .setParameter(1, fromWorker).setParameter(2, toWorker),
                r -> new EventSum(r.longAt(0), r.longAt(1), r.longAt(2), r.longAt(3)));
        Map<List<Long>, Long> sums = new HashMap<>();
        TreeSet<Long> uncredited = new TreeSet<>();
        for (EventSum row : rows) {
            sums.put(List.of(row.workerId(), row.moduleId()), row.creditedSeconds());
            if (row.uncreditedEvents() > 0) {
                uncredited.add(row.workerId());
            }
        }
        return new ModuleSums(List.copyOf(uncredited), sums);
    }

    /** A worker's credited seconds in one module (and, for events, how many have no credit yet). */
    private record EventSum(long workerId, long moduleId, long creditedSeconds, long uncreditedEvents) {
    }

    /** A module row whose credited sum differed from its events' when read. */
    public record ModuleRow(long workerId, long moduleId) {
    }

    /** The module rows of [fromWorker, toWorker] whose credited sum differs from {@code expected}'s. */
    public List<ModuleRow> wrongModuleSums(long fromWorker, long toWorker, ModuleSums expected) {
        List<EventSum> stored = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT worker_id, module_id, credited_seconds FROM module_progress
                        WHERE worker_id BETWEEN ?1 AND ?2""").setParameter(1, fromWorker).setParameter(2, toWorker),
                r -> new EventSum(r.longAt(0), r.longAt(1), r.longAt(2), 0));
        return stored.stream()
                .filter(row -> row.creditedSeconds()
                        != expected.creditedSeconds().getOrDefault(List.of(row.workerId(), row.moduleId()), 0L))
                .map(row -> new ModuleRow(row.workerId(), row.moduleId()))
                .toList();
    }

    /**
     * Sets one module row's credited sum from its events under the worker's lock, as live requests hold it, so an
     * event committed since {@link #wrongModuleSums} is counted, never undone; returns 1 if the row was wrong.
     */
    public long repairModuleSum(ModuleRow row) {
        WorkerLock.acquire(entityManager, row.workerId());
        return entityManager.createNativeQuery("""
                        UPDATE module_progress SET credited_seconds = (
                            SELECT COALESCE(SUM(e.credited_seconds), 0) FROM progress_event e
                            WHERE e.worker_id = ?1 AND e.module_id = ?2)
                        WHERE worker_id = ?1 AND module_id = ?2 AND credited_seconds <> (
                            SELECT COALESCE(SUM(e.credited_seconds), 0) FROM progress_event e
                            WHERE e.worker_id = ?1 AND e.module_id = ?2)""")
                .setParameter(1, row.workerId()).setParameter(2, row.moduleId()).executeUpdate();
    }

    /** Credits all of one worker's events from scratch, under the worker's lock; returns how many changed. */
    public long creditAgain(long workerId) {
        WorkerLock.acquire(entityManager, workerId);
        List<StoredEvent> events = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT event_id, module_id, seconds_spent, occurred_at, received_at, credited_seconds
                        FROM progress_event WHERE worker_id = ?1 ORDER BY received_at""").setParameter(1, workerId),
                r -> new StoredEvent(r.stringAt(0), r.longAt(1), r.intAt(2), r.instantAt(3), r.instantAt(4),
                        r.intOrNullAt(5)));
        Map<Instant, List<StoredEvent>> batches = new LinkedHashMap<>();
        Map<String, Integer> before = new HashMap<>();
        for (StoredEvent event : events) {
            batches.computeIfAbsent(event.receivedAt(), at -> new ArrayList<>()).add(event);
            before.put(event.eventId(), event.creditedSeconds());
        }
        Map<Long, ModuleRef> modules = catalog.refs(events.stream().map(StoredEvent::moduleId)
                .collect(Collectors.toSet()));
        Map<Long, Long> room = new HashMap<>();
        modules.values().forEach(m -> room.put(m.id(), ReadingCredit.moduleCapSeconds(m.readingMinutes(),
                credit.moduleMultiple())));
        List<ReadingCredit.Span> credited = List.of();
        Map<String, Integer> after = new HashMap<>();
        for (Map.Entry<Instant, List<StoredEvent>> batch : batches.entrySet()) {
            credited = ReadingCredit.endingAfter(credited, ReadingCredit.earliestClaimableSecond(batch.getKey()));
            List<ReadingCredit.Claim> claims = batch.getValue().stream().map(e -> new ReadingCredit.Claim(e.eventId(),
                    e.moduleId(), e.occurredAt().getEpochSecond(), e.seconds())).toList();
            ReadingCredit.Outcome outcome = ReadingCredit.credit(credited, room, claims);
            claims.forEach(c -> room.merge(c.moduleId(), (long) -outcome.credited().get(c.eventId()), Long::sum));
            after.putAll(outcome.credited());
            credited = outcome.spans();
        }
        spans.store(workerId, credited);
        List<CreditUpdate> updates = after.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> new CreditUpdate(e.getKey(), e.getValue())).toList();
        writeCredits(workerId, updates);
        return updates.size();
    }

    /** An event's credit as recomputed. */
    private record CreditUpdate(String eventId, int creditedSeconds) {
    }

    private void writeCredits(long workerId, List<CreditUpdate> updates) {
        if (updates.isEmpty()) {
            return;
        }
        DirectSql.batch(entityManager,
                "UPDATE progress_event SET credited_seconds = ? WHERE worker_id = ? AND event_id = ?", updates, BATCH,
                (statement, update) -> {
                    statement.setInt(1, update.creditedSeconds());
                    statement.setLong(2, workerId);
                    statement.setString(3, update.eventId());
                });
    }
}
