package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.NativeRows;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rows of stats_reconcile_job and its per-table drift, each write in a short transaction of its own. */
@ApplicationScoped
class ReconcileJobStore {

    private static final String ABANDONED = "the pod running it stopped before it ended";

    private final EntityManager entityManager;

    ReconcileJobStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Called with the lease held, so a row still RUNNING is a run whose pod stopped: it is closed as FAILED first. */
    void create(String id, String holder, CheckPlan.Kind kind, String requestedBy) {
        Timestamp now = Timestamp.from(DbClock.now());
        QuarkusTransaction.requiringNew().run(() -> {
            update("""
                    UPDATE stats_reconcile_job SET state = 'FAILED', finished_at = ?1, failure = ?2
                    WHERE state = 'RUNNING'""", now, ABANDONED);
            update("""
                    INSERT INTO stats_reconcile_job (id, holder, kind, requested_by, state, phase, rows_done, rows_estimated,
                                                     started_at, finished_at, failure)
                    VALUES (?1, ?2, ?3, ?4, 'RUNNING', 'started', 0, 0, ?5, NULL, NULL)""",
                    id, holder, kind.name(), requestedBy, now);
        });
    }

    void progress(String id, StatsReconciler.Progress progress) {
        QuarkusTransaction.requiringNew().run(() -> {
            update("UPDATE stats_reconcile_job SET phase = ?1, rows_done = ?2, rows_estimated = ?3 WHERE id = ?4",
                    progress.phase(), progress.rowsDone(), progress.rowsEstimated(), id);
            drift(id, progress.drift());
        });
    }

    /** Records how the run ended: failure null when it succeeded, then with its final drift. */
    void finish(String id, Map<String, Long> drift, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (drift != null) {
                drift(id, drift);
            }
            update("""
                    UPDATE stats_reconcile_job SET state = ?1, phase = CASE WHEN ?2 IS NULL THEN 'done' ELSE phase END,
                        rows_done = CASE WHEN ?2 IS NULL THEN rows_estimated ELSE rows_done END,
                        finished_at = ?3, failure = ?2 WHERE id = ?4""",
                    failure == null ? "SUCCEEDED" : "FAILED", failure, Timestamp.from(DbClock.now()), id);
        });
    }

    /** The job as a client sees it; a RUNNING job whose holder lost the lease is reported as FAILED. */
    Optional<ReconcileJob> find(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<StoredJob> jobs = NativeRows.list(entityManager.createNativeQuery("""
                            SELECT j.state, j.phase, j.rows_done, j.rows_estimated, j.started_at, j.finished_at, j.failure,
                                   CASE WHEN l.holder = j.holder AND l.expires_at > ?2 THEN 1 ELSE 0 END, j.kind
                            FROM stats_reconcile_job j JOIN job_lease l ON l.job = 'stats-reconcile' WHERE j.id = ?1""")
                    .setParameter(1, id).setParameter(2, Timestamp.from(DbClock.now())),
                    r -> new StoredJob(r.stringAt(0), r.stringAt(1), r.longAt(2), r.longAt(3), r.instantAt(4),
                            r.instantAt(5), r.stringAt(6), r.intAt(7) == 1, r.stringAt(8)));
            if (jobs.isEmpty()) {
                return Optional.empty();
            }
            StoredJob job = jobs.get(0);
            List<ReconcileReport.TableDrift> tables = NativeRows.list(entityManager.createNativeQuery("""
                            SELECT table_name, drifted_rows FROM stats_reconcile_drift WHERE job_id = ?1
                            ORDER BY position""").setParameter(1, id),
                    r -> new ReconcileReport.TableDrift(r.stringAt(0), r.longAt(1)));
            boolean abandoned = "RUNNING".equals(job.state()) && !job.leaseHeld();
            return Optional.of(new ReconcileJob(id, job.kind(), abandoned ? "FAILED" : job.state(), job.phase(),
                    job.rowsDone(), job.rowsEstimated(),
                    tables.stream().mapToLong(ReconcileReport.TableDrift::driftedRows).sum(), tables,
                    job.startedAt(), job.finishedAt(), abandoned ? ABANDONED : job.failure()));
        });
    }

    /** A job's row, and whether its holder still holds the lease. */
    private record StoredJob(String state, String phase, long rowsDone, long rowsEstimated, Instant startedAt,
                             Instant finishedAt, String failure, boolean leaseHeld, String kind) {
    }

    private void drift(String id, Map<String, Long> drift) {
        int position = 0;
        for (Map.Entry<String, Long> table : drift.entrySet()) {
            update("""
                    INSERT INTO stats_reconcile_drift (job_id, table_name, position, drifted_rows) VALUES (?1, ?2, ?3, ?4)
                    ON DUPLICATE KEY UPDATE drifted_rows = VALUES(drifted_rows)""", id, table.getKey(), position++,
                    table.getValue());
        }
    }

    private void update(String sql, Object... parameters) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
