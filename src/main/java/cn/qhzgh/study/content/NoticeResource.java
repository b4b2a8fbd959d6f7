package cn.qhzgh.study.content;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

@Tag(name = StudyApi.MODULES)
@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class NoticeResource {

    private final CallerService callers;

    public NoticeResource(CallerService callers) {
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listNotices")
    public List<NoticeView> list() {
        callers.current();
        return Notice.<Notice>listAll(Sort.by("id")).stream().map(NoticeView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNotice")
    public NoticeView get(@RestPath long id) {
        callers.current();
        return Notice.<Notice>findByIdOptional(id).map(NoticeView::of).orElseThrow(() ->
                DomainException.notFound("notice-not-found", "No notice has the id " + id + "."));
    }
}
