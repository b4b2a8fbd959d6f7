package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import java.util.List;

@Tag(name = StudyApi.QUIZZES)
@Path("/api/v1/quizzes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.WORKER)
public class QuizResource {

    private final QuizCatalogService catalog;
    private final AttemptService attempts;
    private final CallerService callers;

    public QuizResource(QuizCatalogService catalog, AttemptService attempts, CallerService callers) {
        this.catalog = catalog;
        this.attempts = attempts;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listQuizzes", description = "The quizzes a campaign offers: its FINAL and DAILY, the "
            + "MODULE quizzes of its documents, and quizzes of no campaign")
    public List<QuizSummary> quizzes(@RestQuery @Parameter(description = "The campaign's id (GET /api/v1/campaigns); "
            + "default the most recently published campaign open to the worker's union") Long campaign) {
        return catalog.available(callers.current(), campaign);
    }

    @POST
    @Path("/{id}/attempts")
    @APIResponse(responseCode = "201", description = "A new attempt: drawn questions without answers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttemptStarted.class)))
    @APIResponse(responseCode = "200", description = "The attempt already in progress (retried start or reconnect)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttemptStarted.class)))
    @APIResponse(responseCode = "403", description = "Outside the quiz window (quiz-not-open, quiz-closed)")
    @APIResponse(responseCode = "409", description = "No attempts left (max-attempts, daily-limit) or no questions")
    @APIResponse(responseCode = "429", description = "More than 10 starts and submissions a minute; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds until a retry may succeed",
                    schema = @Schema(type = SchemaType.INTEGER, example = "42")))
    @Operation(operationId = "startAttempt")
    public Response start(@RestPath long id) {
        AttemptStarted started = attempts.start(callers.current(), id);
        if (!started.created()) {
            return Response.ok(started).build();
        }
        return Response.created(URI.create("/api/v1/attempts/" + started.attemptId())).entity(started).build();
    }
}
