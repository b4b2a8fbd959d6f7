package cn.qhzgh.study.security;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.retry.RetriedOnLockConflict;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.org.Worker;
import cn.qhzgh.study.org.WorkerJoined;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.Optional;

@ApplicationScoped
public class CallerProvisioning {

    private final EntityManager entityManager;
    private final Event<WorkerJoined> workerJoined;

    public CallerProvisioning(EntityManager entityManager, Event<WorkerJoined> workerJoined) {
        this.entityManager = entityManager;
        this.workerJoined = workerJoined;
    }

    @RetriedOnLockConflict
    @Transactional
    public Caller resolve(String subject, String role, String orgCode, String name) {
        Optional<Organization> org = orgCode == null ? Optional.empty() : Organization.findByCode(orgCode);
        if (Roles.PROVINCE_ADMIN.equals(role)) {
            return new Caller(subject, role, orgCode, org.map(o -> o.id).orElse(null),
                    org.map(o -> o.path).orElse(null), null);
        }
        Organization known = org.orElseThrow(() -> DomainException.forbidden("unknown-org", orgCode == null
                ? "The token carries no org claim; workers and org admins must belong to a union."
                : "The union '" + orgCode + "' named by the token's org claim is not in the org directory."));
        if (Roles.ORG_ADMIN.equals(role)) {
            return new Caller(subject, role, known.code, known.id, known.path, null);
        }
        Worker worker = Worker.findByExternalId(subject).orElseGet(() -> provision(subject, name, known));
        // The directory, not the token, decides which union a known worker's records count towards.
        Organization home = worker.orgId.equals(known.id) ? known : Organization.findById(worker.orgId);
        return new Caller(subject, role, home.code, home.id, home.path, worker.id);
    }

    /** Insert-if-absent, so two first calls racing each other provision one worker. */
    private Worker provision(String subject, String name, Organization org) {
        Timestamp now = Timestamp.from(DbClock.now());
        entityManager.createNativeQuery("""
                        INSERT INTO worker (external_id, name, org_id, phone, source, created_at, updated_at)
                        VALUES (?1, ?2, ?3, NULL, 'TOKEN', ?4, ?4)
                        ON DUPLICATE KEY UPDATE external_id = external_id""")
                .setParameter(1, subject)
                .setParameter(2, displayName(subject, name))
                .setParameter(3, org.id)
                .setParameter(4, now)
                .executeUpdate();
        Worker worker = Worker.findByExternalId(subject).orElseThrow();
        // Counted only by the call whose insert made the row: a racing first call finds it, with another timestamp.
        boolean createdHere = worker.source == Worker.Source.TOKEN && worker.createdAt.equals(now.toInstant());
        if (createdHere) {
            workerJoined.fire(new WorkerJoined(worker.orgId));
        }
        return worker;
    }

    private static String displayName(String subject, String name) {
        String chosen = name == null || name.isBlank() ? subject : name.strip();
        return chosen.length() > 64 ? chosen.substring(0, 64) : chosen;
    }
}
