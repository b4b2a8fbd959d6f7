package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.content.ModuleSummary;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Tag(name = StudyApi.MODULES)
@Path("/api/v1/campaigns/{id}/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class ReadingListResource {

    private final ReadingListService lists;
    private final CallerService callers;

    public ReadingListResource(ReadingListService lists, CallerService callers) {
        this.lists = lists;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listCampaignModules", summary = "A campaign's reading list",
            description = "The published modules of the campaign's materials, in material order; a worker's own "
                    + "percent and completion on each, which count in every campaign that studies the module.")
    public List<ModuleSummary> ofCampaign(@RestPath long id) {
        return lists.ofCampaign(callers.current(), id);
    }
}
