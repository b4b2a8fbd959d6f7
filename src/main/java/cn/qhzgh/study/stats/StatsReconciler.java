package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.progress.CreditReconciler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes every counter from the source tables, reports rows that drifted and repairs them. The counters are
 * kept in step transactionally, so drift should always be zero; this is the proof, nightly and on demand.
 * It works through slices (worker id ranges, then org id ranges of about study.stats.reconcile-slice-workers
 * workers), each in its own transaction, so at a million workers neither the heap nor the lock table holds it all.
 * One run at a time in the whole deployment ({@link ReconcileLease}), so two runs never repair the same rows twice.
 */
@ApplicationScoped
public class StatsReconciler {

    private static final int SLICE_TIMEOUT_SECONDS = 600;

    private final EntityManager entityManager;
    private final CreditReconciler credit;
    private final WorkerCampaignReconciler workerCampaign;
    private final CounterRepair repair;
    private final ReconcileLease lease;
    private final int workersPerSlice;

    public StatsReconciler(EntityManager entityManager, CreditReconciler credit, WorkerCampaignReconciler workerCampaign,
                           CounterRepair repair, ReconcileLease lease,
                           @ConfigProperty(name = "study.stats.reconcile-slice-workers") int workersPerSlice) {
        this.entityManager = entityManager;
        this.credit = credit;
        this.workerCampaign = workerCampaign;
        this.repair = repair;
        this.lease = lease;
        this.workersPerSlice = workersPerSlice;
    }

    /** Reconciles unless a run is already under way anywhere in the deployment; empty in that case. */
    public Optional<ReconcileReport> reconcileUnlessRunning() {
        Optional<String> holder = lease.claim();
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(reconcile(() -> lease.renew(holder.get())));
        } finally {
            lease.release(holder.get());
        }
    }

    private ReconcileReport reconcile(Runnable afterSlice) {
        Instant start = DbClock.now();
        Map<String, Long> drift = new LinkedHashMap<>();
        drift.put("progress_event", 0L);
        drift.put("module_progress", 0L);
        drift.put("worker_campaign", 0L);
        CounterTable.ORG_COUNTERS.forEach(table -> drift.put(table.table(), 0L));
        drift.put(CounterRepair.OPTION_COUNTER.table(), 0L);
        List<long[]> workerRanges = workerRanges();
        // Credited time first: worker_campaign and the seconds counters are summed from it. One transaction per
        // worker credited again, so that a live request of that worker waits for one worker's work at most.
        for (long[] range : workerRanges) {
            for (long worker : inTransaction(() -> credit.uncreditedWorkers(range[0], range[1]))) {
                drift.merge("progress_event", inTransaction(() -> credit.creditAgain(worker)), Long::sum);
            }
            drift.merge("module_progress", inTransaction(() -> credit.repairModuleSums(range[0], range[1])), Long::sum);
            afterSlice.run();
        }
        // worker_campaign next: org_campaign_count is summed from it.
        for (long[] range : workerRanges) {
            drift.merge("worker_campaign", inTransaction(() -> workerCampaign.reconcile(range[0], range[1])), Long::sum);
            afterSlice.run();
        }
        List<CounterTable> tables = new ArrayList<>(CounterTable.ORG_COUNTERS);
        tables.add(CounterRepair.OPTION_COUNTER);
        tables.sort(Comparator.comparingInt(table -> SharedCounter.lockRank(table.table())));
        for (long[] range : orgRanges()) {
            Map<String, Long> slice = inTransaction(() -> {
                Map<String, Long> found = new LinkedHashMap<>();
                tables.forEach(table -> found.put(table.table(), repair.repair(table, range[0], range[1])));
                return found;
            });
            slice.forEach((table, rows) -> drift.merge(table, rows, Long::sum));
            afterSlice.run();
        }
        List<ReconcileReport.TableDrift> tableDrifts = drift.entrySet().stream()
                .map(e -> new ReconcileReport.TableDrift(e.getKey(), e.getValue())).toList();
        long total = tableDrifts.stream().mapToLong(ReconcileReport.TableDrift::driftedRows).sum();
        return new ReconcileReport(start, DbClock.now().toEpochMilli() - start.toEpochMilli(), total, tableDrifts);
    }

    /** Consecutive worker id ranges of workersPerSlice ids, covering every worker (worker_campaign needs one). */
    private List<long[]> workerRanges() {
        Object[] bounds = inTransaction(() -> (Object[]) entityManager
                .createNativeQuery("SELECT MIN(id), MAX(id) FROM worker").getSingleResult());
        List<long[]> ranges = new ArrayList<>();
        if (bounds[0] == null) {
            return ranges;
        }
        long last = ((Number) bounds[1]).longValue();
        for (long from = ((Number) bounds[0]).longValue(); from <= last; from += workersPerSlice) {
            ranges.add(new long[]{from, Math.min(last, from + workersPerSlice - 1)});
        }
        return ranges;
    }

    /**
     * Org id ranges holding about workersPerSlice workers each (one big union may hold more), together covering
     * every id, so counter rows of unions that lost all their workers are found too.
     */
    @SuppressWarnings("unchecked")
    private List<long[]> orgRanges() {
        List<Object[]> sizes = inTransaction(() -> entityManager.createNativeQuery(
                "SELECT org_id, COUNT(*) FROM worker GROUP BY org_id ORDER BY org_id").getResultList());
        List<long[]> ranges = new ArrayList<>();
        long from = Long.MIN_VALUE;
        long workers = 0;
        for (Object[] size : sizes) {
            workers += ((Number) size[1]).longValue();
            if (workers >= workersPerSlice) {
                long to = ((Number) size[0]).longValue();
                ranges.add(new long[]{from, to});
                from = to + 1;
                workers = 0;
            }
        }
        ranges.add(new long[]{from, Long.MAX_VALUE});
        return ranges;
    }

    private static <T> T inTransaction(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(SLICE_TIMEOUT_SECONDS).call(work);
    }
}
