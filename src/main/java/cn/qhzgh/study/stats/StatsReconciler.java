package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.progress.CreditReconciler;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recomputes every counter from the source tables, reports rows that drifted and repairs them. The counters are
 * kept in step transactionally, so drift should always be zero; this is the proof, nightly and on demand.
 * First the per-worker sources (credit, module sums, worker_campaign), one worker id range per transaction. Then one
 * pass over the workers in id order inside one read-only snapshot ({@link SourceSnapshot}) recounts every union
 * counter; a union is compared and repaired ({@link CounterRepair}, deltas) as soon as its last worker has been read.
 * {@link ReconcileJobs} runs it under the deployment-wide {@link ReconcileLease}: two runs never repair the same rows.
 */
@ApplicationScoped
public class StatsReconciler {

    /** Where a run is: its phase, the worker ids it has covered of those it will cover, drift so far per table. */
    public record Progress(String phase, long rowsDone, long rowsEstimated, Map<String, Long> drift) {
    }

    private static final int SLICE_TIMEOUT_SECONDS = 600;
    private static final int UNIONS_PER_COMPARISON = 500;
    private static final int UNIONS_PER_RECOUNT = 100;

    private final AgroalDataSource dataSource;
    private final CreditReconciler credit;
    private final WorkerCampaignReconciler workerCampaign;
    private final CounterRepair repair;
    private final CheckMark mark;
    private final CheckSettings settings;
    private final int workersPerSlice;

    public StatsReconciler(AgroalDataSource dataSource, CreditReconciler credit, WorkerCampaignReconciler workerCampaign,
                           CounterRepair repair, CheckMark mark, CheckSettings settings,
                           @ConfigProperty(name = "study.stats.reconcile-slice-workers") int workersPerSlice) {
        this.dataSource = dataSource;
        this.credit = credit;
        this.workerCampaign = workerCampaign;
        this.repair = repair;
        this.mark = mark;
        this.settings = settings;
        this.workersPerSlice = workersPerSlice;
    }

    /** Reconciles everything, reporting after every slice; the caller holds the {@link ReconcileLease}. */
    ReconcileReport reconcile(Consumer<Progress> afterSlice) {
        Instant start = DbClock.now();
        Map<String, Long> drift = new LinkedHashMap<>();
        drift.put("progress_event", 0L);
        drift.put("module_progress", 0L);
        drift.put("worker_campaign", 0L);
        CounterTable.ALL.forEach(table -> drift.put(table.table(), 0L));
        try (SourceSnapshot before = SourceSnapshot.open(dataSource)) {
            before.workerIds().ifPresent(ids -> sources(ids, drift, afterSlice));
        }
        // A snapshot taken after the sources were repaired: counters are compared with the sources as of one moment.
        Instant snapshotAt = DbClock.now();
        try (SourceSnapshot snapshot = SourceSnapshot.open(dataSource)) {
            UnionCompletion unions = new UnionCompletion(snapshot.lastWorkers());
            CounterTally tally = new CounterTally();
            Optional<SourceSnapshot.WorkerIds> ids = snapshot.workerIds();
            if (ids.isPresent()) {
                long first = ids.get().first();
                long last = ids.get().last();
                afterSlice.accept(new Progress("counters", 0, last - first + 1, copy(drift)));
                for (long from = first; from <= last; from += workersPerSlice) {
                    long to = Math.min(last, from + workersPerSlice - 1);
                    snapshot.recount(from, to, tally);
                    compare(snapshot, tally, unions.completedThrough(to), drift);
                    afterSlice.accept(new Progress("counters", to - first + 1, last - first + 1, copy(drift)));
                }
            }
            compare(snapshot, tally, unions.remaining(), drift);
            compare(snapshot, tally, tally.orgs().stream().sorted().toList(), drift);
        }
        mark.verified(CheckPlan.mark(snapshotAt, settings.margin()));
        return report(start, drift);
    }

    /**
     * Checks only the unions whose counter rows live writes changed since the last verified mark (all of them when
     * there is none): each is recounted from every one of its workers through the worker org index. The per-worker
     * sources (credit, module sums, worker_campaign) are left to the full run.
     */
    ReconcileReport reconcileChanged(Consumer<Progress> afterSlice) {
        Optional<Instant> since = mark.verifiedAt();
        if (since.isEmpty()) {
            return reconcile(afterSlice);
        }
        Instant start = DbClock.now();
        Map<String, Long> drift = new LinkedHashMap<>();
        CounterTable.ALL.forEach(table -> drift.put(table.table(), 0L));
        Instant snapshotAt = DbClock.now();
        try (SourceSnapshot snapshot = SourceSnapshot.open(dataSource)) {
            List<Long> unions = snapshot.changedUnions(since.get());
            afterSlice.accept(new Progress("counters", 0, unions.size(), copy(drift)));
            CounterTally tally = new CounterTally();
            for (int from = 0; from < unions.size(); from += UNIONS_PER_RECOUNT) {
                List<Long> batch = unions.subList(from, Math.min(unions.size(), from + UNIONS_PER_RECOUNT));
                snapshot.recountUnions(batch, tally);
                compare(snapshot, tally, batch, drift);
                afterSlice.accept(new Progress("counters", from + batch.size(), unions.size(), copy(drift)));
            }
        }
        mark.verified(CheckPlan.mark(snapshotAt, settings.margin()));
        return report(start, drift);
    }

    private static ReconcileReport report(Instant start, Map<String, Long> drift) {
        List<ReconcileReport.TableDrift> tableDrifts = drift.entrySet().stream()
                .map(e -> new ReconcileReport.TableDrift(e.getKey(), e.getValue())).toList();
        long total = tableDrifts.stream().mapToLong(ReconcileReport.TableDrift::driftedRows).sum();
        return new ReconcileReport(start, DbClock.now().toEpochMilli() - start.toEpochMilli(), total, tableDrifts);
    }

    /**
     * Credited time first (worker_campaign and the seconds counters are summed from it), one transaction per worker
     * credited again, so a live request of that worker waits for one worker's work at most; then worker_campaign.
     */
    private void sources(SourceSnapshot.WorkerIds ids, Map<String, Long> drift, Consumer<Progress> afterSlice) {
        afterSlice.accept(new Progress("sources", 0, ids.last() - ids.first() + 1, copy(drift)));
        for (long from = ids.first(); from <= ids.last(); from += workersPerSlice) {
            long start = from;
            long to = Math.min(ids.last(), from + workersPerSlice - 1);
            CreditReconciler.ModuleSums sums = inTransaction(() -> credit.moduleSums(start, to));
            if (!sums.uncreditedWorkers().isEmpty()) {
                for (long worker : sums.uncreditedWorkers()) {
                    drift.merge("progress_event", inTransaction(() -> credit.creditAgain(worker)), Long::sum);
                }
                sums = inTransaction(() -> credit.moduleSums(start, to));
            }
            CreditReconciler.ModuleSums expected = sums;
            for (CreditReconciler.ModuleRow row : inTransaction(() -> credit.wrongModuleSums(start, to, expected))) {
                drift.merge("module_progress", inTransaction(() -> credit.repairModuleSum(row)), Long::sum);
            }
            drift.merge("worker_campaign", inTransaction(() -> workerCampaign.reconcile(start, to)), Long::sum);
            afterSlice.accept(new Progress("sources", to - ids.first() + 1, ids.last() - ids.first() + 1, copy(drift)));
        }
    }

    /** Compares and repairs the counter rows of these unions, whose every worker the tally has read, and forgets them. */
    private void compare(SourceSnapshot snapshot, CounterTally tally, List<Long> unions, Map<String, Long> drift) {
        for (int from = 0; from < unions.size(); from += UNIONS_PER_COMPARISON) {
            List<Long> batch = unions.subList(from, Math.min(unions.size(), from + UNIONS_PER_COMPARISON));
            for (CounterTable table : CounterTable.ALL) {
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
        return Collections.unmodifiableMap(new LinkedHashMap<>(drift));
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(SLICE_TIMEOUT_SECONDS).call(work);
    }
}
