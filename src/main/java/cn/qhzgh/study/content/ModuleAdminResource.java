package cn.qhzgh.study.content;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Tag(name = StudyApi.ADMIN)
@Path("/api/v1/admin/modules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class ModuleAdminResource {

    private final ModuleAdminService modules;
    private final ModuleQueries queries;
    private final CallerService callers;
    private final AuditLog audit;

    public ModuleAdminResource(ModuleAdminService modules, ModuleQueries queries, CallerService callers,
                               AuditLog audit) {
        this.modules = modules;
        this.queries = queries;
        this.callers = callers;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listAdminModules")
    public List<AdminModuleView> list() {
        return queries.all();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The module text, published or not",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModuleDetail.class)),
            headers = @Header(name = "ETag", description = "Send it back as If-Match to edit",
                    schema = @Schema(type = SchemaType.STRING, example = "\"v2-5d41402abc4b2a76b9719d911017c592\"")))
    @Operation(operationId = "getAdminModule")
    public Response get(@RestPath long id) {
        ModuleDetail module = modules.get(id);
        return Response.ok(module).tag(EntityTag.valueOf(module.etag())).build();
    }

    @PUT
    @Path("/{id}/paragraphs")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The new version; unchanged text keeps the current version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModuleDetail.class)),
            headers = @Header(name = "ETag", description = "Validator of the new version",
                    schema = @Schema(type = SchemaType.STRING, example = "\"v2-5d41402abc4b2a76b9719d911017c592\"")))
    @Operation(operationId = "updateModuleParagraphs")
    public Response edit(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                         @Parameter(required = true, description = "The ETag of the version you last read; * skips the check",
                                 example = "\"v2-5d41402abc4b2a76b9719d911017c592\"") String ifMatch,
                         @Valid @NotNull EditParagraphsRequest request) {
        ModuleDetail module = modules.edit(id, ifMatch, request, callers.current().externalId());
        audit.record(callers.current(), "module.edit", "module:" + id, "version " + module.version());
        return Response.ok(module).tag(EntityTag.valueOf(module.etag())).build();
    }

    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishModule")
    public AdminModuleView publish(@RestPath long id) {
        AdminModuleView module = modules.setPublished(id, true);
        audit.record(callers.current(), "module.publish", "module:" + id, null);
        return module;
    }

    @POST
    @Path("/{id}/unpublish")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminModuleView.class)))
    @APIResponse(responseCode = "409", description = "It is the last published module of a published campaign "
            + "(`campaign-incomplete`); give the campaign another material first, or close it")
    @Operation(operationId = "unpublishModule")
    public AdminModuleView unpublish(@RestPath long id) {
        AdminModuleView module = modules.setPublished(id, false);
        audit.record(callers.current(), "module.unpublish", "module:" + id, null);
        return module;
    }
}
