package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.progress.CreditReconciler;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.collections4.ListUtils;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Recomputes every counter and every worker's summary rows from the source tables, reports rows that drifted and
 * repairs them. The counters are kept in step transactionally, so drift should always be zero; this is the proof,
 * nightly and on demand. One pass over the unions in batches ({@link UnionBatches}), each batch read in one read-only
 * snapshot ({@link SourceSnapshot}) of the lane that takes it, reads each source row once ({@link SliceRecount}): the
 * workers' own rows (module sums, worker_campaign) are repaired and the batch's counters compared and repaired
 * ({@link CounterRepair}, deltas) before the lane reads its next batch. Last, {@link SubtreeCheck} checks the subtree
 * totals against the per-union rows they sum.
 * {@link ReconcileJobs} runs it under the deployment-wide {@link ReconcileLease}: two runs never repair the same rows.
 */
@ApplicationScoped
public class StatsReconciler {

    /** Where a run is: its phase, the unions it has covered of those it will cover, drift so far per table. */
    public record Progress(String phase, long rowsDone, long rowsEstimated, Map<String, Long> drift) {
    }

    /** Unions recounted, compared and forgotten together; without answers, the counters of answers are left alone. */
    private record Batch(List<Long> unions, boolean answers) {
    }

    private static final Logger LOG = Logger.getLogger(StatsReconciler.class);
    private static final int SLICE_TIMEOUT_SECONDS = 600;
    private static final int UNIONS_PER_COMPARISON = 500;
    private static final int UNIONS_PER_BATCH = 500;

    private final AgroalDataSource dataSource;
    private final CreditReconciler credit;
    private final WorkerCampaignReconciler workerCampaign;
    private final CounterRepair repair;
    private final SubtreeCheck subtrees;
    private final CheckMark mark;
    private final StatsConfig.Check settings;
    private final int workersPerSlice;
    private final int lanes;
    /** Threads for the lanes besides the caller's, started on a run's first use and ended after a minute idle. */
    private final ExecutorService otherLanes = Executors.newCachedThreadPool(
            task -> new Thread(task, "stats-reconcile-lane"));

    public StatsReconciler(AgroalDataSource dataSource, CreditReconciler credit, WorkerCampaignReconciler workerCampaign,
                           CounterRepair repair, SubtreeCheck subtrees, CheckMark mark, StatsConfig config) {
        this.dataSource = dataSource;
        this.credit = credit;
        this.workerCampaign = workerCampaign;
        this.repair = repair;
        this.subtrees = subtrees;
        this.mark = mark;
        this.settings = config.check();
        this.workersPerSlice = config.reconcileSliceWorkers();
        this.lanes = config.reconcileLanes();
    }

    @PreDestroy
    void stop() {
        otherLanes.shutdownNow();
    }

    /** Reconciles everything, reporting after every batch of unions; the caller holds the {@link ReconcileLease}. */
    ReconcileReport reconcile(Consumer<Progress> afterSlice) {
        Instant start = DbClock.now();
        Map<String, Long> drift = noDrift();
        Instant snapshotAt = DbClock.now();
        Set<Long> deferred = new ConcurrentSkipListSet<>();
        long passStart = System.nanoTime();
        int unions;
        try (SourceSnapshot snapshot = SourceSnapshot.open(dataSource)) {
            List<UnionBatches.UnionWorkers> all = snapshot.unionWorkers();
            unions = all.size();
            recountUnions(snapshot, batches(all, true), deferred, drift, afterSlice);
        }
        long passEnd = System.nanoTime();
        Progress done = new Progress("counters", unions, unions, copy(drift));
        recountCredited(deferred, drift, p -> afterSlice.accept(done));
        long creditedEnd = System.nanoTime();
        subtrees.check(Optional.empty(), drift, () -> afterSlice.accept(
                new Progress("counters", unions, unions, copy(drift))));
        LOG.infof("Full check: the pass over %d unions took %.1f s, recounting %d unions after crediting %.1f s, "
                        + "the subtree totals %.1f s", unions, (passEnd - passStart) / 1e9, deferred.size(),
                (creditedEnd - passEnd) / 1e9, (System.nanoTime() - creditedEnd) / 1e9);
        mark.verified(CheckPlan.mark(snapshotAt, settings.margin()));
        return report(start, drift);
    }

    /**
     * Checks only the unions whose counter rows live writes changed since the last verified mark (all of them when
     * there is none), each recounted from every one of its workers and their own rows repaired, as in the full run;
     * a union's answers are read, and its subtree totals checked, only when a counter of answers changed there
     * ({@link ChangedUnions}).
     */
    ReconcileReport reconcileChanged(Consumer<Progress> afterSlice) {
        Optional<Instant> since = mark.verifiedAt();
        if (since.isEmpty()) {
            return reconcile(afterSlice);
        }
        Instant start = DbClock.now();
        Map<String, Long> drift = noDrift();
        Instant snapshotAt = DbClock.now();
        ChangedUnions changed;
        Set<Long> deferred = new ConcurrentSkipListSet<>();
        long findStart = System.nanoTime();
        long passStart;
        try (SourceSnapshot snapshot = SourceSnapshot.open(dataSource)) {
            changed = snapshot.changedUnions(since.get());
            passStart = System.nanoTime();
            List<Batch> batches = new ArrayList<>(batches(snapshot, changed.recountedWithAnswers(), true));
            batches.addAll(batches(snapshot, changed.recountedWithoutAnswers(), false));
            recountUnions(snapshot, batches, deferred, drift, afterSlice);
        }
        long passEnd = System.nanoTime();
        recountCredited(deferred, drift, afterSlice);
        long creditedEnd = System.nanoTime();
        int unions = changed.unions().size();
        subtrees.check(Optional.of(changed.recountedWithAnswers()), drift, () -> afterSlice.accept(
                new Progress("counters", unions, unions, copy(drift))));
        LOG.infof("Changed check: finding the %d unions changed since %s (%d with answers) took %.1f s, their pass "
                        + "%.1f s, recounting %d unions after crediting %.1f s, the subtree totals %.1f s", unions,
                since.get(), changed.withAnswers().size(), (passStart - findStart) / 1e9, (passEnd - passStart) / 1e9,
                deferred.size(), (creditedEnd - passEnd) / 1e9, (System.nanoTime() - creditedEnd) / 1e9);
        mark.verified(CheckPlan.mark(snapshotAt, settings.margin()));
        return report(start, drift);
    }

    /** These unions in batches of about the configured number of workers, their answers read or not. */
    private List<Batch> batches(SourceSnapshot snapshot, List<Long> unions, boolean answers) {
        return unions.isEmpty() ? List.of() : batches(snapshot.unionWorkers(unions), answers);
    }

    private List<Batch> batches(List<UnionBatches.UnionWorkers> unions, boolean answers) {
        return UnionBatches.of(unions, workersPerSlice, UNIONS_PER_BATCH).stream()
                .map(batch -> new Batch(batch, answers)).toList();
    }

    /**
     * Recounts batch after batch on {@code lanes} connections at once, {@code first} and one snapshot of its own per
     * other lane: each batch's sources and stored counters are read in one snapshot, so it is compared consistently
     * whichever lane takes it. A lane compares its batch's unions once their workers are read and forgets them, so the
     * heap holds one batch per lane; the unions of workers with uncredited events are deferred. A failing lane stops
     * the others after their current batch.
     */
    private void recountUnions(SourceSnapshot first, List<Batch> batches, Set<Long> deferred,
                               Map<String, Long> drift, Consumer<Progress> afterSlice) {
        long total = batches.stream().mapToLong(batch -> batch.unions().size()).sum();
        BatchProgress progress = new BatchProgress(total, drift, afterSlice);
        Queue<Batch> queue = new ConcurrentLinkedQueue<>(batches);
        int helpers = Math.max(0, Math.min(lanes, batches.size()) - 1);
        List<Future<?>> others = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            others.add(otherLanes.submit(() -> {
                try (SourceSnapshot own = openLane(queue)) {
                    recountLane(own, queue, deferred, drift, progress);
                }
            }));
        }
        Throwable failure = null;
        try {
            recountLane(first, queue, deferred, drift, progress);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // The run ends, and frees its lease, only once no lane writes any more.
        for (Future<?> other : others) {
            try {
                awaitLane(other);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** A lane's own snapshot; when it cannot be opened the other lanes stop after their current batch. */
    private SourceSnapshot openLane(Queue<Batch> queue) {
        try {
            return SourceSnapshot.open(dataSource);
        } catch (RuntimeException e) {
            queue.clear();
            throw e;
        }
    }

    private void recountLane(SourceSnapshot snapshot, Queue<Batch> queue, Set<Long> deferred,
                             Map<String, Long> drift, BatchProgress progress) {
        CounterTally tally = new CounterTally();
        try {
            for (Batch batch = queue.poll(); batch != null; batch = queue.poll()) {
                repairWorkers(snapshot.recountUnions(batch.unions(), tally, batch.answers()), tally, deferred, drift);
                compare(snapshot, tally, without(batch.unions(), deferred), CounterTable.compared(batch.answers()), drift);
                progress.done(batch.unions().size());
            }
        } catch (RuntimeException | Error e) {
            queue.clear();
            throw e;
        }
    }

    private static void awaitLane(Future<?> lane) {
        try {
            lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a reconciliation lane ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("a reconciliation lane failed", e.getCause());
        }
    }

    /** The unions done over all lanes, reported in order after every batch. */
    private static final class BatchProgress {

        private final long total;
        private final Map<String, Long> drift;
        private final Consumer<Progress> afterSlice;
        private long done;

        BatchProgress(long total, Map<String, Long> drift, Consumer<Progress> afterSlice) {
            this.total = total;
            this.drift = drift;
            this.afterSlice = afterSlice;
            afterSlice.accept(new Progress("counters", 0, total, copy(drift)));
        }

        synchronized void done(long unions) {
            done += unions;
            afterSlice.accept(new Progress("counters", done, total, copy(drift)));
        }
    }

    /**
     * The unions of workers whose events had no credit, recounted in a snapshot taken after they were credited
     * again (the pass's own snapshot cannot see the new credits). Crediting leaves no event without credit, so a
     * second round finds none.
     */
    private void recountCredited(Set<Long> unions, Map<String, Long> drift, Consumer<Progress> afterSlice) {
        if (unions.isEmpty()) {
            return;
        }
        Set<Long> stillUncredited = new ConcurrentSkipListSet<>();
        try (SourceSnapshot snapshot = SourceSnapshot.open(dataSource)) {
            recountUnions(snapshot, batches(snapshot, List.copyOf(unions), true), stillUncredited, drift, afterSlice);
        }
        if (!stillUncredited.isEmpty()) {
            throw new IllegalStateException("events still without credit after crediting again, unions " + stillUncredited);
        }
    }

    /**
     * Repairs the workers' own rows the slice found wrong, each in short transactions of its own: events without
     * credit are credited again under the worker's lock (their unions are then left to {@link #recountCredited}),
     * module sums are set from their events, missing worker_campaign rows are inserted as the snapshot's sources
     * say, unless a live write has created them since, and differing ones are rewritten from their sources in SQL
     * under the worker's lock (module sums first: that rewrite reads them).
     */
    private void repairWorkers(SliceRecount.Findings findings, CounterTally tally, Set<Long> deferred,
                               Map<String, Long> drift) {
        for (long worker : findings.uncreditedWorkers()) {
            drift.merge("progress_event", inTransaction(() -> credit.creditAgain(worker)), Long::sum);
            CreditReconciler.ModuleSums sums = inTransaction(() -> credit.moduleSums(worker, worker));
            for (CreditReconciler.ModuleRow row : inTransaction(() -> credit.wrongModuleSums(worker, worker, sums))) {
                drift.merge("module_progress", inTransaction(() -> credit.repairModuleSum(row)), Long::sum);
            }
            drift.merge("worker_campaign", inTransaction(() -> workerCampaign.reconcileWorker(worker)), Long::sum);
        }
        tally.exclude(findings.uncreditedUnions());
        deferred.addAll(findings.uncreditedUnions());
        for (CreditReconciler.ModuleRow row : findings.wrongModuleSums()) {
            drift.merge("module_progress", inTransaction(() -> credit.repairModuleSum(row)), Long::sum);
        }
        if (!findings.missingCampaignRows().isEmpty()) {
            inTransaction(() -> workerCampaign.insertMissing(findings.missingCampaignRows()));
            drift.merge("worker_campaign", (long) findings.missingCampaignRows().size(), Long::sum);
        }
        for (long worker : findings.differingCampaignWorkers()) {
            inTransaction(() -> workerCampaign.reconcileWorker(worker));
        }
        drift.merge("worker_campaign", findings.differingCampaignRows(), Long::sum);
    }

    /** Drift per table, merged into by every lane. */
    private static Map<String, Long> noDrift() {
        Map<String, Long> drift = Collections.synchronizedMap(new LinkedHashMap<>());
        drift.put("progress_event", 0L);
        drift.put("module_progress", 0L);
        drift.put("worker_campaign", 0L);
        CounterTable.ALL.forEach(table -> drift.put(table.table(), 0L));
        CounterTable.SUBTREES.forEach(subtree -> drift.put(subtree.totals().table(), 0L));
        return drift;
    }

    private static List<Long> without(List<Long> unions, Set<Long> deferred) {
        return deferred.isEmpty() ? unions : unions.stream().filter(u -> !deferred.contains(u)).toList();
    }

    private static ReconcileReport report(Instant start, Map<String, Long> drift) {
        List<ReconcileReport.TableDrift> tableDrifts = copy(drift).entrySet().stream()
                .map(e -> new ReconcileReport.TableDrift(e.getKey(), e.getValue())).toList();
        long total = tableDrifts.stream().mapToLong(ReconcileReport.TableDrift::driftedRows).sum();
        return new ReconcileReport(start, DbClock.now().toEpochMilli() - start.toEpochMilli(), total, tableDrifts);
    }

    /**
     * Compares and repairs these tables' counter rows of these unions, whose every worker the tally has read, and
     * forgets the unions.
     */
    private void compare(SourceSnapshot snapshot, CounterTally tally, List<Long> unions, List<CounterTable> tables,
                         Map<String, Long> drift) {
        for (List<Long> batch : ListUtils.partition(unions, UNIONS_PER_COMPARISON)) {
            for (CounterTable table : tables) {
                CounterComparison comparison = CounterComparison.of(tally.rows(table, batch), snapshot.stored(table, batch));
                if (!comparison.nothingToWrite()) {
                    repair.write(table, comparison);
                }
                drift.merge(table.table(), comparison.drift(), Long::sum);
            }
            tally.remove(batch);
        }
    }

    private static Map<String, Long> copy(Map<String, Long> drift) {
        synchronized (drift) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(drift));
        }
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(SLICE_TIMEOUT_SECONDS).call(work);
    }
}
