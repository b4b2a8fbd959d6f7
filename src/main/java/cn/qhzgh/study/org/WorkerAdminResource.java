package cn.qhzgh.study.org;

import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.TabularUpload;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;

@Path("/api/v1/admin/workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerAdminResource {

    private static final long MAX_FILE_BYTES = 150L * 1024 * 1024;

    private final WorkerImportService imports;
    private final WorkerService workers;
    private final CallerService callers;
    private final BusinessMetrics metrics;
    private final AuditLog audit;

    public WorkerAdminResource(WorkerImportService imports, WorkerService workers, CallerService callers,
                               BusinessMetrics metrics, AuditLog audit) {
        this.imports = imports;
        this.workers = workers;
        this.callers = callers;
        this.metrics = metrics;
        this.audit = audit;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public WorkerImportResult importWorkers(@RestForm("file") FileUpload file, @RestQuery boolean dryRun)
            throws IOException {
        TabularUpload upload = TabularUpload.of(file, MAX_FILE_BYTES);
        try (var content = upload.content()) {
            WorkerImportResult result = imports.importWorkers(content, upload.format(), dryRun);
            if (!dryRun) {
                metrics.importedRows("workers", result.rows());
                audit.record(callers.current(), "workers.import", "file:" + file.fileName(), result.toString());
            }
            return result;
        }
    }

    @GET
    @RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
    public PageResult<WorkerView> list(@RestQuery @NotBlank String org,
                                       @RestQuery @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
                                       @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        return workers.list(callers.current(), org, page, size);
    }

    @GET
    @Path("/{externalId}")
    @RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
    public WorkerView get(@RestPath String externalId) {
        return workers.get(callers.current(), externalId);
    }
}
