package cn.qhzgh.study.stats;

import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/admin/stats/reconcile")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class StatsAdminResource {

    private final StatsReconciler reconciler;
    private final AuditLog audit;
    private final CallerService callers;

    public StatsAdminResource(StatsReconciler reconciler, AuditLog audit, CallerService callers) {
        this.reconciler = reconciler;
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Recompute every statistics counter from the records",
            description = "Reports the counter rows that differed (drift, expected to be 0) and repairs them. "
                    + "Also runs nightly on one replica.")
    public ReconcileReport reconcile() {
        ReconcileReport report = reconciler.reconcile();
        audit.record(callers.current(), "stats.reconcile", "counters", "drift " + report.totalDrift());
        return report;
    }
}
