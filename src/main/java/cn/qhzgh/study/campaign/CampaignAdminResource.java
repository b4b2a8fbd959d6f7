package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.Preconditions;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;

@Tag(name = StudyApi.CAMPAIGNS)
@Path("/api/v1/admin/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class CampaignAdminResource {

    private static final String ETAG_EXAMPLE = "\"campaign11-r3-5d0c3a1e\"";
    private static final String IF_MATCH = "The ETag of the campaign you last read; * skips the check";

    private final CampaignAdminService campaigns;
    private final CallerService callers;

    public CampaignAdminResource(CampaignAdminService campaigns, CallerService callers) {
        this.campaigns = campaigns;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listCampaigns", description = "Newest first; org admins see the campaigns whose "
            + "audience overlaps their subtree")
    public PageResult<CampaignView> list(@RestQuery CampaignStatus status,
                                         @RestQuery @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
                                         @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        return campaigns.list(callers.current(), status, page, size);
    }

    @GET
    @Path("/{id}")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "ETag of the copy the client holds",
            schema = @Schema(type = SchemaType.STRING), example = ETAG_EXAMPLE)
    @APIResponse(responseCode = "200", description = "The campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)),
            headers = @Header(name = "ETag", description = "Send it back as If-Match to edit",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "The client's copy is current (If-None-Match matched)",
            headers = @Header(name = "ETag", description = "The current revision",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)))
    @Operation(operationId = "getCampaign")
    public Response get(@RestPath long id, HttpHeaders headers) {
        CampaignView campaign = campaigns.get(callers.current(), id);
        EntityTag etag = EntityTag.valueOf(campaign.etag());
        if (Preconditions.noneMatchHolds(headers.getRequestHeader(HttpHeaders.IF_NONE_MATCH), campaign.etag())) {
            return Response.notModified(etag).build();
        }
        return Response.ok(campaign).tag(etag).build();
    }

    @POST
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new campaign, a DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)),
            headers = {@Header(name = "ETag", description = "Send it back as If-Match to edit",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)),
                    @Header(name = "Location", description = "The new campaign",
                            schema = @Schema(type = SchemaType.STRING, example = "/api/v1/admin/campaigns/11"))})
    @Operation(operationId = "createCampaign")
    public Response create(@Valid @NotNull CampaignRequest request) {
        CampaignView campaign = campaigns.create(callers.current(), request);
        return Response.created(URI.create("/api/v1/admin/campaigns/" + campaign.id())).entity(campaign)
                .tag(EntityTag.valueOf(campaign.etag())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The changed campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)),
            headers = @Header(name = "ETag", description = "The new revision",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The campaign is closed (`campaign-closed`), or the edit would "
            + "end a published campaign's window (`campaign-incomplete`)")
    @Operation(operationId = "updateCampaign")
    public Response update(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                           @Parameter(required = true, description = IF_MATCH, example = ETAG_EXAMPLE) String ifMatch,
                           @Valid @NotNull CampaignUpdateRequest request) {
        return withEtag(campaigns.update(callers.current(), id, ifMatch, request));
    }

    @PUT
    @Path("/{id}/materials")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The campaign with its new materials",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)),
            headers = @Header(name = "ETag", description = "The new revision",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The campaign is closed (`campaign-closed`), or a published "
            + "campaign would be left without a published module (`campaign-incomplete`)")
    @Operation(operationId = "setCampaignMaterials", description = "Replaces the ordered list of documents: add, "
            + "remove and reorder in one call")
    public Response setMaterials(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                                 @Parameter(required = true, description = IF_MATCH, example = ETAG_EXAMPLE) String ifMatch,
                                 @Valid @NotNull MaterialsRequest request) {
        return withEtag(campaigns.setMaterials(callers.current(), id, ifMatch, request));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @APIResponse(responseCode = "200", description = "The published campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)),
            headers = @Header(name = "ETag", description = "The new revision",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not a draft (`campaign-already-published`, `campaign-closed`), "
            + "or it lacks a published module, an audience or a window still open (`campaign-incomplete`)")
    @Operation(operationId = "publishCampaign")
    public Response publish(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                            @Parameter(required = true, description = IF_MATCH, example = ETAG_EXAMPLE) String ifMatch) {
        return withEtag(campaigns.publish(callers.current(), id, ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @APIResponse(responseCode = "200", description = "The closed campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)),
            headers = @Header(name = "ETag", description = "The new revision",
                    schema = @Schema(type = SchemaType.STRING, example = ETAG_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "Not published (`campaign-not-published`, `campaign-closed`)")
    @Operation(operationId = "closeCampaign")
    public Response close(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                          @Parameter(required = true, description = IF_MATCH, example = ETAG_EXAMPLE) String ifMatch) {
        return withEtag(campaigns.close(callers.current(), id, ifMatch));
    }

    private static Response withEtag(CampaignView campaign) {
        return Response.ok(campaign).tag(EntityTag.valueOf(campaign.etag())).build();
    }
}
