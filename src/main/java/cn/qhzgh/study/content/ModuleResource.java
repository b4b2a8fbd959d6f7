package cn.qhzgh.study.content;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.Preconditions;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;


@Tag(name = StudyApi.MODULES)
@Path("/api/v1/modules/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
/** One module's text for phones, with ETag revalidation; the reading lists are per campaign (progress). */
public class ModuleResource {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("private, no-cache");

    private final ModuleCatalog catalog;
    private final CallerService callers;

    public ModuleResource(ModuleCatalog catalog, CallerService callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "ETag of the copy the phone holds",
            schema = @Schema(type = SchemaType.STRING), example = "\"v2-5d41402abc4b2a76b9719d911017c592\"")
    @APIResponse(responseCode = "200", description = "The module text",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModuleDetail.class)),
            headers = @Header(name = "ETag", description = "Strong validator of this version's text",
                    schema = @Schema(type = SchemaType.STRING, example = "\"v2-5d41402abc4b2a76b9719d911017c592\"")))
    @APIResponse(responseCode = "304", description = "The phone's copy is current (If-None-Match matched)",
            headers = @Header(name = "ETag", description = "Strong validator of this version's text",
                    schema = @Schema(type = SchemaType.STRING, example = "\"v2-5d41402abc4b2a76b9719d911017c592\"")))
    @Operation(operationId = "getModule")
    public Response get(@RestPath long id, HttpHeaders headers) {
        callers.current();
        ModuleDetail module = catalog.published(id).orElseThrow(() ->
                DomainException.notFound("module-not-found", "No published study module has the id " + id + "."));
        EntityTag etag = EntityTag.valueOf(module.etag());
        if (Preconditions.noneMatchHolds(headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH), module.etag())) {
            return Response.notModified(etag).cacheControl(REVALIDATE).build();
        }
        return Response.ok(module).tag(etag).cacheControl(REVALIDATE).build();
    }
}
