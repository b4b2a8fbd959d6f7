package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Tag(name = StudyApi.PROGRESS)
@Path("/api/v1/admin/workers/{externalId}/records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class WorkerRecordsResource {

    private final RecordsService records;
    private final CallerService callers;
    private final AuditLog audit;

    public WorkerRecordsResource(RecordsService records, CallerService callers, AuditLog audit) {
        this.records = records;
        this.callers = callers;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "getWorkerRecords")
    public RecordsView ofWorker(@RestPath String externalId,
                                @RestQuery @Parameter(description = RecordsResource.CAMPAIGN) Long campaign) {
        Caller caller = callers.current();
        RecordsView view = records.ofWorker(caller, externalId, campaign);
        audit.recordRead(caller, "workers.records", "worker:" + externalId, view.modules().size(), null);
        return view;
    }
}
