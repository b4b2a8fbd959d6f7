package cn.qhzgh.study.campaign;

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

import java.util.List;

/** Like the other own-record reads, workers only: admins have no progress of their own. */
@Tag(name = StudyApi.CAMPAIGNS)
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
public class MyCampaignsResource {

    private final MyCampaignsService campaigns;
    private final CallerService callers;

    public MyCampaignsResource(MyCampaignsService campaigns, CallerService callers) {
        this.campaigns = campaigns;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listMyCampaigns", description = "Published campaigns whose audience reaches the "
            + "caller's union, newest first, each with the caller's progress")
    public List<MyCampaign> mine() {
        return campaigns.mine(callers.current());
    }
}
