package cn.qhzgh.study.org;

import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.TabularUpload;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;

@Path("/api/v1/admin/orgs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class OrgAdminResource {

    private static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private final OrgImportService imports;
    private final BusinessMetrics metrics;
    private final AuditLog audit;
    private final CallerService callers;

    public OrgAdminResource(OrgImportService imports, BusinessMetrics metrics, AuditLog audit, CallerService callers) {
        this.imports = imports;
        this.metrics = metrics;
        this.audit = audit;
        this.callers = callers;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public OrgImportResult importOrgs(@RestForm("file") FileUpload file, @RestQuery boolean dryRun)
            throws IOException {
        TabularUpload upload = TabularUpload.of(file, MAX_FILE_BYTES);
        try (var content = upload.content()) {
            OrgImportResult result = imports.importOrgs(content, upload.format(), dryRun);
            if (!dryRun) {
                metrics.importedRows("orgs", result.rows());
                audit.record(callers.current(), "orgs.import", "file:" + file.fileName(), result.toString());
            }
            return result;
        }
    }
}
