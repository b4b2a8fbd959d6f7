package cn.qhzgh.study.security;

import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.StudyApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

@Tag(name = StudyApi.ADMIN)
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class AuditResource {

    private final AuditLog audit;

    public AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listAuditEntries")
    public PageResult<AuditView> page(@RestQuery @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
                                      @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        return audit.page(page, size);
    }
}
