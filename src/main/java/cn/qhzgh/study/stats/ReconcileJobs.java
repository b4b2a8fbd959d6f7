package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Caller;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Reconciliations as jobs: a run claims the deployment-wide lease, gets a row in stats_reconcile_job, reports its
 * phase, rows and drift there after every slice, and frees the lease only once its row says how it ended. A manual
 * run goes on in a thread of its own whatever its client does; the nightly run uses the scheduler's thread.
 */
@ApplicationScoped
public class ReconcileJobs {

    private static final Logger LOG = Logger.getLogger(ReconcileJobs.class);

    private final StatsReconciler reconciler;
    private final ReconcileLease lease;
    private final ReconcileJobStore store;
    private final AuditLog audit;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "stats-reconcile");
        thread.setDaemon(true);
        return thread;
    });

    public ReconcileJobs(StatsReconciler reconciler, ReconcileLease lease, ReconcileJobStore store, AuditLog audit) {
        this.reconciler = reconciler;
        this.lease = lease;
        this.store = store;
        this.audit = audit;
    }

    /** Starts a full run in the background unless one runs anywhere in the deployment (empty then). */
    public Optional<ReconcileJob> start(Caller caller) {
        return startInBackground(CheckPlan.Kind.FULL, caller.externalId(),
                line -> audit.record(caller, "stats.reconcile", "counters", line));
    }

    /** Starts a CHANGED run in the background, audited with its {@code reason}, unless one runs anywhere. */
    Optional<ReconcileJob> startChanged(String reason) {
        return startInBackground(CheckPlan.Kind.CHANGED, AuditLog.SYSTEM,
                line -> audit.recordSystem("stats.reconcile", "counters", line + " (" + reason + ")"));
    }

    private Optional<ReconcileJob> startInBackground(CheckPlan.Kind kind, String requestedBy, Consumer<String> audited) {
        Optional<String> holder = lease.claim();
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        String id = created(holder.get(), kind, requestedBy);
        audited.accept("job " + id + " started");
        runner.submit(() -> {
            ReconcileReport report = execute(id, holder.get(), kind);
            audited.accept("job " + id + " " + (report == null ? "failed" : "ended, drift " + report.totalDrift()));
        });
        return store.find(id);
    }

    /** Runs to the end in the calling thread unless one runs anywhere (empty then); the ended job otherwise. */
    Optional<ReconcileJob> runHere(String requestedBy, CheckPlan.Kind kind) {
        Optional<String> holder = lease.claim();
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        String id = created(holder.get(), kind, requestedBy);
        execute(id, holder.get(), kind);
        return store.find(id);
    }

    public Optional<ReconcileJob> find(String id) {
        return store.find(id);
    }

    private String created(String holder, CheckPlan.Kind kind, String requestedBy) {
        String id = UUID.randomUUID().toString();
        try {
            store.create(id, holder, kind, requestedBy);
            return id;
        } catch (RuntimeException e) {
            lease.release(holder);
            throw e;
        }
    }

    /** The run itself; its row records how it ended before the lease is freed. Null when it failed. */
    private ReconcileReport execute(String id, String holder, CheckPlan.Kind kind) {
        try {
            Consumer<StatsReconciler.Progress> progress = p -> {
                lease.renew(holder);
                store.progress(id, p);
            };
            ReconcileReport report = kind == CheckPlan.Kind.FULL ? reconciler.reconcile(progress)
                    : reconciler.reconcileChanged(progress);
            store.finish(id, drift(report), null);
            return report;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reconciliation job %s failed", id);
            store.finish(id, null, "the run failed at " + DbClock.now() + "; the service log has the cause");
            return null;
        } finally {
            lease.release(holder);
        }
    }

    private static Map<String, Long> drift(ReconcileReport report) {
        Map<String, Long> drift = new LinkedHashMap<>();
        report.tables().forEach(t -> drift.put(t.table(), t.driftedRows()));
        return drift;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
