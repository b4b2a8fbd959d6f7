package cn.qhzgh.study.org;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = StudyApi.ORGS)
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class MeResource {

    private final WorkerService workers;
    private final CallerService callers;

    public MeResource(WorkerService workers, CallerService callers) {
        this.workers = workers;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getMyProfile")
    public MeView me() {
        return workers.me(callers.current());
    }
}
