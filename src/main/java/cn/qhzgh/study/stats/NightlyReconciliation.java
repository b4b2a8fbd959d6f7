package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.common.DuplicateKeys;
import cn.qhzgh.study.security.AuditLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Runs the counter check once a night: the unions changed since the last verified check, and everything on the
 * weekly full night. The first replica to claim the day's row runs it, the others skip. It also skips when a manual
 * run holds the reconciliation lease, since that run does the same work.
 */
@ApplicationScoped
public class NightlyReconciliation {

    private static final Logger LOG = Logger.getLogger(NightlyReconciliation.class);
    private static final String JOB = "stats-reconcile";

    private final ReconcileJobs jobs;
    private final CheckMark mark;
    private final StatsConfig.Check settings;
    private final EntityManager entityManager;
    private final AuditLog audit;

    public NightlyReconciliation(ReconcileJobs jobs, CheckMark mark, StatsConfig config, EntityManager entityManager,
                                 AuditLog audit) {
        this.jobs = jobs;
        this.mark = mark;
        this.settings = config.check();
        this.entityManager = entityManager;
        this.audit = audit;
    }

    @Scheduled(cron = "{study.stats.reconcile-cron}", timeZone = CampaignCalendar.ZONE_NAME,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        LocalDate night = LocalDate.now(CampaignCalendar.ZONE);
        if (!claim(night)) {
            return;
        }
        Optional<ReconcileJob> ran = jobs.runHere(AuditLog.SYSTEM,
                CheckPlan.tonight(night, settings.fullCheckDay(), mark.verifiedAt()));
        if (ran.isEmpty()) {
            LOG.info("Nightly reconciliation skipped: a manual run is under way");
            return;
        }
        ReconcileJob job = ran.get();
        audit.recordSystem("stats.reconcile", "counters", "nightly " + job.kind() + " job " + job.id() + " " + job.state()
                + ", drift " + job.totalDrift());
        if (!"SUCCEEDED".equals(job.state())) {
            LOG.errorf("Nightly reconciliation job %s failed: %s", job.id(), job.failure());
        } else if (job.totalDrift() == 0) {
            LOG.infof("Nightly reconciliation: no drift (job %s)", job.id());
        } else {
            LOG.warnf("Nightly reconciliation repaired %d drifted counter rows: %s", job.totalDrift(), job.tables());
        }
    }

    /** A plain insert: the unique key lets exactly one replica claim the day. */
    private boolean claim(LocalDate day) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "INSERT INTO scheduled_run (job, run_date) VALUES (?1, ?2)")
                    .setParameter(1, JOB).setParameter(2, Date.valueOf(day)).executeUpdate());
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKeys.hitBy(e)) {
                return false;
            }
            throw e;
        }
    }
}
