package cn.qhzgh.study.progress;

import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/v1/admin/workers/{externalId}/records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class WorkerRecordsResource {

    private final RecordsService records;
    private final CallerService callers;

    public WorkerRecordsResource(RecordsService records, CallerService callers) {
        this.records = records;
        this.callers = callers;
    }

    @GET
    public RecordsView ofWorker(@RestPath String externalId) {
        return records.ofWorker(callers.current(), externalId);
    }
}
