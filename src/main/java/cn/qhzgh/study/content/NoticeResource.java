package cn.qhzgh.study.content;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import io.quarkus.panache.common.Sort;

import java.util.List;

@Path("/api/v1/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.WORKER, Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class NoticeResource {

    private final CallerService callers;

    public NoticeResource(CallerService callers) {
        this.callers = callers;
    }

    @GET
    public List<NoticeView> list() {
        callers.current();
        return Notice.<Notice>listAll(Sort.by("id")).stream().map(NoticeView::of).toList();
    }

    @GET
    @Path("/{id}")
    public NoticeView get(@RestPath long id) {
        callers.current();
        return Notice.<Notice>findByIdOptional(id).map(NoticeView::of).orElseThrow(() ->
                DomainException.notFound("notice-not-found", "No notice has the id " + id + "."));
    }
}
