package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = StudyApi.PROGRESS)
@Path("/api/v1/me/records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
public class RecordsResource {

    static final String CAMPAIGN = "The campaign's id (GET /api/v1/campaigns); default the most recently published "
            + "campaign open to the worker's union";

    private final RecordsService records;
    private final CallerService callers;

    public RecordsResource(RecordsService records, CallerService callers) {
        this.records = records;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getMyRecords")
    public RecordsView mine(@RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        return records.mine(callers.current(), campaign);
    }
}
