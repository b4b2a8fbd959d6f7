package cn.qhzgh.study.security;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.PageResult;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The audit trail of admin actions and of bulk reads of personal data: written after an action succeeded (a read
 * also says how many rows it returned), read newest first.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Caller caller, String action, String target, String detail) {
        write(caller.externalId(), caller.role(), action, target, detail, null);
    }

    /** Written with the change it describes, in the caller's transaction, so one never commits without the other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithin(Caller caller, String action, String target, String detail) {
        write(caller.externalId(), caller.role(), action, target, detail, null);
    }

    /** Who read how many rows of personal data in which scope ({@code org:QH-XN}, {@code worker:qh-w-1}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRead(Caller caller, String action, String scope, long rows, String detail) {
        write(caller.externalId(), caller.role(), action, scope, detail, rows);
    }

    /** Scheduled jobs act as {@link #SYSTEM}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSystem(String action, String target, String detail) {
        write(SYSTEM, SYSTEM, action, target, detail, null);
    }

    /** Newest first; a filter by actor or action reads its own index (V17) in id order. */
    @Transactional
    public PageResult<AuditView> page(AuditFilter filter, int page, int size) {
        var query = filter.where().isEmpty() ? AuditEntry.<AuditEntry>findAll(Sort.descending("id"))
                : AuditEntry.<AuditEntry>find(filter.where(), Sort.descending("id"), filter.parameters());
        List<AuditView> items = query.page(Page.of(page, size)).list().stream().map(AuditView::of).toList();
        return new PageResult<>(items, query.count(), page, size);
    }

    private static void write(String actor, String role, String action, String target, String detail,
                              Long rowsRead) {
        AuditEntry entry = new AuditEntry();
        entry.at = DbClock.now();
        entry.actor = actor;
        entry.role = role;
        entry.action = action;
        entry.target = target.length() > 255 ? target.substring(0, 255) : target;
        entry.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        entry.rowsRead = rowsRead;
        entry.persist();
    }
}
