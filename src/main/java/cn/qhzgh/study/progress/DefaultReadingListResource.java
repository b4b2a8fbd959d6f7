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

import java.util.List;

@Tag(name = StudyApi.MODULES)
@Path("/api/v1/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class DefaultReadingListResource {

    private final ReadingListService lists;
    private final CallerService callers;

    public DefaultReadingListResource(ReadingListService lists, CallerService callers) {
        this.lists = lists;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listModules", deprecated = true, summary = "The default campaign's reading list",
            description = "Deprecated: use GET /api/v1/campaigns/{id}/modules (listCampaignModules) with an id from "
                    + "GET /api/v1/campaigns. Kept for app versions in the field: it answers for the most recently "
                    + "published campaign open to the caller, and is empty while there is none.")
    public List<ModuleSummary> ofDefaultCampaign() {
        return lists.ofDefaultCampaign(callers.current());
    }
}
