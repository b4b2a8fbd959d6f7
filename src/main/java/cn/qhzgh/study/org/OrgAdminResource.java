package cn.qhzgh.study.org;

import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.DuplicateKeys;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.common.http.BodyCap;
import cn.qhzgh.study.common.http.BodyKind;
import cn.qhzgh.study.common.http.HttpLimits;
import cn.qhzgh.study.common.http.ImportAdmission;
import cn.qhzgh.study.common.tabular.TabularUpload;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;

@Tag(name = StudyApi.ORGS)
@Path("/api/v1/admin/orgs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class OrgAdminResource {

    private final OrgImportService imports;
    private final BusinessMetrics metrics;
    private final AuditLog audit;
    private final CallerService callers;
    private final HttpLimits limits;

    public OrgAdminResource(OrgImportService imports, BusinessMetrics metrics, AuditLog audit, CallerService callers,
                            HttpLimits limits) {
        this.limits = limits;
        this.imports = imports;
        this.metrics = metrics;
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyCap(BodyKind.ORG_TREE)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrgImportResult.class)))
    @APIResponse(responseCode = "413", description = "The org tree file is larger than `study.http.max-org-upload` (10 MiB), counted as "
            + "it streams in; a declared Content-Length over it is refused before the body is read")
    @APIResponse(responseCode = "422", description = ImportAdmission.UNUSABLE_TABLE)
    @APIResponse(responseCode = "429", description = ImportAdmission.BUSY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")))
    @APIResponse(responseCode = "503", description = ImportAdmission.LOW_TEMP_SPACE)
    @Operation(operationId = "importOrgs")
    public OrgImportResult importOrgs(@RestForm("file") FileUpload file, @RestQuery boolean dryRun) {
        OrgImportResult result = DuplicateKeys.retriedOnce(() -> importOnce(file, dryRun));
        if (!dryRun) {
            metrics.importedRows("orgs", result.rows());
            audit.record(callers.current(), "orgs.import", "file:" + file.fileName(), result.auditDetail());
        }
        return result;
    }

    private OrgImportResult importOnce(FileUpload file, boolean dryRun) {
        try {
            TabularUpload upload = TabularUpload.of(file, limits.contentCap(BodyKind.ORG_TREE));
            try (var content = upload.content()) {
                return imports.importOrgs(content, upload.format(), dryRun);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
