package cn.qhzgh.study.org;

import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.common.http.BodyCap;
import cn.qhzgh.study.common.http.BodyKind;
import cn.qhzgh.study.common.http.HttpLimits;
import cn.qhzgh.study.common.http.ImportAdmission;
import cn.qhzgh.study.common.tabular.TabularUpload;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;

@Tag(name = StudyApi.ORGS)
@Path("/api/v1/admin/workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerAdminResource {

    private final WorkerImportService imports;
    private final WorkerService workers;
    private final CallerService callers;
    private final BusinessMetrics metrics;
    private final AuditLog audit;
    private final HttpLimits limits;

    public WorkerAdminResource(WorkerImportService imports, WorkerService workers, CallerService callers,
                               BusinessMetrics metrics, AuditLog audit, HttpLimits limits) {
        this.limits = limits;
        this.imports = imports;
        this.workers = workers;
        this.callers = callers;
        this.metrics = metrics;
        this.audit = audit;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyCap(BodyKind.WORKER_LIST)
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkerImportResult.class)))
    @APIResponse(responseCode = "413", description = "The worker list is larger than `study.http.max-worker-upload` (150 MiB), counted as "
            + "it streams in; a declared Content-Length over it is refused before the body is read")
    @APIResponse(responseCode = "422", description = ImportAdmission.UNUSABLE_TABLE)
    @APIResponse(responseCode = "429", description = ImportAdmission.BUSY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")))
    @APIResponse(responseCode = "503", description = ImportAdmission.LOW_TEMP_SPACE)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    @Operation(operationId = "importWorkers")
    public WorkerImportResult importWorkers(@RestForm("file") FileUpload file, @RestQuery boolean dryRun)
            throws IOException {
        TabularUpload upload = TabularUpload.of(file, limits.contentCap(BodyKind.WORKER_LIST));
        try (var content = upload.content()) {
            WorkerImportResult result = imports.importWorkers(content, upload.format(), dryRun);
            if (!dryRun) {
                metrics.importedRows("workers", result.rows());
                audit.record(callers.current(), "workers.import", "file:" + file.fileName(), result.auditDetail());
            }
            return result;
        }
    }

    @GET
    @RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "listWorkers")
    public PageResult<WorkerView> list(@RestQuery @NotBlank String org,
                                       @RestQuery @Size(max = 64) @Parameter(description = "Only workers whose id or "
                                               + "name starts with this text (case-sensitive); blank lists all",
                                               example = "马") String q,
                                       @RestQuery @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
                                       @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        Caller caller = callers.current();
        PageResult<WorkerView> listed = workers.list(caller, org, q, page, size);
        audit.recordRead(caller, "workers.list", "org:" + org, listed.items().size(),
                "page " + page + ", size " + size + (q == null || q.isBlank() ? "" : ", q " + q.strip()));
        return listed;
    }

    @GET
    @Path("/{externalId}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
    @Operation(operationId = "getWorker")
    public WorkerView get(@RestPath String externalId) {
        Caller caller = callers.current();
        WorkerView worker = workers.get(caller, externalId);
        audit.recordRead(caller, "workers.get", "worker:" + externalId, 1, null);
        return worker;
    }
}
