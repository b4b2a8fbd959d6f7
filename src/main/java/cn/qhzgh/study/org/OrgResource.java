package cn.qhzgh.study.org;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

@Tag(name = StudyApi.ORGS)
@Path("/api/v1/orgs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class OrgResource {

    private final OrgService orgs;
    private final CallerService callers;

    public OrgResource(OrgService orgs, CallerService callers) {
        this.orgs = orgs;
        this.callers = callers;
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getOrg")
    public OrgView get(@RestPath String code) {
        return orgs.get(callers.current(), code);
    }

    @GET
    @Path("/{code}/tree")
    @Operation(operationId = "getOrgTree")
    public OrgTreeNode tree(@RestPath String code, @RestQuery @Min(0) @Max(10) Integer depth) {
        return orgs.tree(callers.current(), code, depth);
    }
}
