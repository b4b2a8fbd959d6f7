package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.CallerDirectory;
import cn.qhzgh.study.security.Roles;
import cn.qhzgh.study.security.TokenClaims;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * Resolves a caller, provisioning a worker on their first call. Each step is a short transaction of its own, so
 * that a first call racing another one, in this pod or in another instance, reads what the other committed.
 */
@ApplicationScoped
public class CallerProvisioning implements CallerDirectory {

    /** The caller, or, for a worker not in the directory yet, null and the union their token names. */
    private record Lookup(Caller caller, Long orgId) {
    }

    private final EntityManager entityManager;
    private final Event<WorkerJoined> workerJoined;

    public CallerProvisioning(EntityManager entityManager, Event<WorkerJoined> workerJoined) {
        this.entityManager = entityManager;
        this.workerJoined = workerJoined;
    }

    @Override
    public Caller resolve(TokenClaims claims) {
        Lookup lookup = QuarkusTransaction.requiringNew().call(() -> lookup(claims));
        if (lookup.caller() != null) {
            return lookup.caller();
        }
        QuarkusTransaction.requiringNew().run(() -> insertIfAbsent(claims, lookup.orgId()));
        // A fresh transaction: its snapshot starts after our insert, or after the racing one it waited for, committed.
        Caller provisioned = QuarkusTransaction.requiringNew().call(() -> lookup(claims)).caller();
        if (provisioned == null) {
            throw new IllegalStateException("Worker " + claims.subject() + " was provisioned but cannot be read");
        }
        return provisioned;
    }

    private Lookup lookup(TokenClaims claims) {
        String orgCode = claims.orgCode();
        Optional<Organization> org = orgCode == null ? Optional.empty() : Organization.findByCode(orgCode);
        if (Roles.PROVINCE_ADMIN.equals(claims.role())) {
            return new Lookup(new Caller(claims.subject(), claims.role(), orgCode, org.map(o -> o.id).orElse(null),
                    org.map(o -> o.path).orElse(null), null), null);
        }
        Organization known = org.orElseThrow(() -> DomainException.forbidden("unknown-org", orgCode == null
                ? "The token carries no org claim; workers and org admins must belong to a union."
                : "The union '" + orgCode + "' named by the token's org claim is not in the org directory."));
        if (Roles.ORG_ADMIN.equals(claims.role())) {
            return new Lookup(new Caller(claims.subject(), claims.role(), known.code, known.id, known.path, null),
                    known.id);
        }
        Optional<Worker> worker = Worker.findByExternalId(claims.subject());
        if (worker.isEmpty()) {
            return new Lookup(null, known.id);
        }
        // The directory, not the token, decides which union a known worker's records count towards.
        Organization home = worker.get().orgId.equals(known.id) ? known : Organization.findById(worker.get().orgId);
        return new Lookup(new Caller(claims.subject(), claims.role(), home.code, home.id, home.path, worker.get().id),
                known.id);
    }

    /**
     * Only the call whose insert made the row counts the worker, in the same transaction. A racing insert of the
     * same worker waits on the unique key until the first one commits, then inserts nothing.
     */
    private void insertIfAbsent(TokenClaims claims, long orgId) {
        Timestamp now = Timestamp.from(DbClock.now());
        int inserted = entityManager.createNativeQuery("""
                        INSERT IGNORE INTO worker (external_id, name, org_id, phone, source, created_at, updated_at)
                        VALUES (?1, ?2, ?3, NULL, 'TOKEN', ?4, ?4)""")
                .setParameter(1, claims.subject())
                .setParameter(2, claims.name() == null ? claims.subject() : claims.name())
                .setParameter(3, orgId)
                .setParameter(4, now)
                .executeUpdate();
        if (inserted == 1) {
            workerJoined.fire(new WorkerJoined(orgId));
        }
    }
}
