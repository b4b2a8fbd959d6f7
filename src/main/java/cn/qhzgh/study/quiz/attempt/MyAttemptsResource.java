package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The caller's attempt history, newest first. Its own class: /api/v1/me belongs to the org feature. */
@Tag(name = StudyApi.QUIZZES)
@Path("/api/v1/me/attempts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
public class MyAttemptsResource {

    private final QuizCatalogService catalog;
    private final CallerService callers;

    public MyAttemptsResource(QuizCatalogService catalog, CallerService callers) {
        this.catalog = catalog;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listMyAttempts")
    public List<AttemptHistoryItem> history() {
        return catalog.history(callers.current());
    }
}
