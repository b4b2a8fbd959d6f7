package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Tag(name = StudyApi.STATS)
@Path(StatsAdminResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class StatsAdminResource {

    static final String PATH = "/api/v1/admin/stats/reconcile";

    private final ReconcileJobs jobs;
    private final CallerService callers;

    public StatsAdminResource(ReconcileJobs jobs, CallerService callers) {
        this.jobs = jobs;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "startReconciliation", summary = "Start recomputing every statistics counter from the records",
            description = "Starts a job and answers at once; GET the Location to follow it. The job reports the counter "
                    + "rows that differed (drift, expected to be 0) and repairs them by adding the difference, so "
                    + "increments committed while it runs are kept. It goes on if the client disconnects. One run at a "
                    + "time in the whole deployment. This is the FULL check; nightly, one replica checks only the "
                    + "unions whose counters changed since the last verified check, and everything once a week.")
    @APIResponse(responseCode = "202", description = "The job started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconcileJob.class)),
            headers = @Header(name = "Location", description = "The job",
                    schema = @Schema(type = SchemaType.STRING,
                            example = "/api/v1/admin/stats/reconcile/5b0c7f0e-3c55-4d9b-9a4e-8f0a6a9d2c11")))
    @APIResponse(responseCode = "409", description = "A reconciliation (manual or nightly) is already running "
            + "(`reconcile-running`)")
    public Response start() {
        ReconcileJob job = jobs.start(callers.current()).orElseThrow(() -> DomainException.conflict(
                "reconcile-running", "A reconciliation is already running; try again when it has finished."));
        return Response.accepted(job).location(URI.create(PATH + "/" + job.id())).build();
    }

    @GET
    @Path("/{jobId}")
    @Operation(operationId = "getReconciliation", summary = "Where a reconciliation job is",
            description = "Phase, worker ids covered of those to cover, and the rows that differed so far per table. "
                    + "A job whose pod stopped shows FAILED once its lease has expired.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconcileJob.class)))
    public ReconcileJob job(@PathParam("jobId") String jobId) {
        return jobs.find(jobId).orElseThrow(() -> DomainException.notFound("reconcile-job-not-found",
                "No reconciliation job has this id."));
    }
}
