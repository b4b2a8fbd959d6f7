package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
            description = "Reports the counter rows that differed (drift, expected to be 0) and repairs them by "
                    + "adding the difference, so increments committed while it runs are kept. One run at a time in "
                    + "the whole deployment; it also runs nightly on one replica.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconcileReport.class)))
    @APIResponse(responseCode = "409", description = "A reconciliation (manual or nightly) is already running")
    public ReconcileReport reconcile() {
        ReconcileReport report = reconciler.reconcileUnlessRunning().orElseThrow(() -> DomainException.conflict(
                "reconcile-running", "A reconciliation is already running; try again when it has finished."));
        audit.record(callers.current(), "stats.reconcile", "counters", "drift " + report.totalDrift());
        return report;
    }
}
