package cn.qhzgh.study.security;

import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.StudyApi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
                                      @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size,
                                      @RestQuery @Size(max = 64) @Parameter(description = "Only entries of this actor "
                                              + "(the token's `sub`, or `system`), exactly", example = "demo-admin-qh")
                                      String actor,
                                      @RestQuery @Size(max = 48) @Parameter(description = "Only entries of this action, "
                                              + "exactly", example = "module.publish")
                                      String action,
                                      @RestQuery @Parameter(description = "First day (Asia/Shanghai), included. "
                                              + "Between 2000-01-01 and 2099-12-31",
                                              schema = @Schema(type = SchemaType.STRING, format = "date", example = "2022-11-20"))
                                      String from,
                                      @RestQuery @Parameter(description = "Last day (Asia/Shanghai), included; not before "
                                              + "`from`. Between 2000-01-01 and 2099-12-31",
                                              schema = @Schema(type = SchemaType.STRING, format = "date", example = "2022-12-19"))
                                      String to) {
        return audit.page(AuditFilter.of(actor, action, from, to), page, size);
    }
}
