package cn.qhzgh.study.quiz;

import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import java.net.URI;
import java.util.List;

@Tag(name = StudyApi.QUESTION_BANK)
@Path("/api/v1/admin/quizzes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class QuizAdminResource {

    private final QuizAdminService quizzes;
    private final AuditLog audit;
    private final CallerService callers;

    public QuizAdminResource(QuizAdminService quizzes, AuditLog audit, CallerService callers) {
        this.quizzes = quizzes;
        this.audit = audit;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listAdminQuizzes")
    public List<QuizView> list() {
        return quizzes.list();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The quiz",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizView.class)),
            headers = @Header(name = "ETag", description = "Send it back as If-Match to edit",
                    schema = @Schema(type = SchemaType.STRING, example = "\"quiz7-r1\"")))
    @Operation(operationId = "getAdminQuiz")
    public Response get(@RestPath long id) {
        QuizView quiz = quizzes.get(id);
        return Response.ok(quiz).tag(EntityTag.valueOf(quiz.etag())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The new quiz",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizView.class)),
            headers = @Header(name = "ETag", description = "Send it back as If-Match to edit",
                    schema = @Schema(type = SchemaType.STRING, example = "\"quiz7-r1\"")))
    @APIResponse(responseCode = "422", description = "Fewer approved questions match the draw rule than questionCount")
    @Operation(operationId = "createQuiz")
    public Response create(@Valid @NotNull QuizRequest request) {
        QuizView quiz = quizzes.create(request);
        audit.record(callers.current(), "quiz.create", "quiz:" + quiz.id(), quiz.title());
        return Response.created(URI.create("/api/v1/admin/quizzes/" + quiz.id())).entity(quiz)
                .tag(EntityTag.valueOf(quiz.etag())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The changed quiz",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizView.class)),
            headers = @Header(name = "ETag", description = "The new revision",
                    schema = @Schema(type = SchemaType.STRING, example = "\"quiz7-r1\"")))
    @APIResponse(responseCode = "422", description = "Fewer approved questions match the draw rule than questionCount")
    @APIResponse(responseCode = "409", description = "The quiz is in use as a campaign's or a document's quiz and "
            + "keeps its kind (`quiz-in-use`)")
    @Operation(operationId = "updateQuiz")
    public Response update(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                         @Parameter(required = true, description = "The ETag of the version you last read; * skips the check",
                                 example = "\"quiz7-r1\"") String ifMatch,
                           @Valid @NotNull QuizRequest request) {
        QuizView quiz = quizzes.update(id, ifMatch, request);
        audit.record(callers.current(), "quiz.update", "quiz:" + id, "revision " + quiz.revision());
        return Response.ok(quiz).tag(EntityTag.valueOf(quiz.etag())).build();
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Archived; past attempts keep pointing at it")
    @APIResponse(responseCode = "409", description = "It is the FINAL of a published campaign (`quiz-in-use`); close "
            + "the campaign first")
    @Operation(operationId = "archiveQuiz")
    public void archive(@RestPath long id) {
        quizzes.archive(id);
        audit.record(callers.current(), "quiz.archive", "quiz:" + id, null);
    }

    @POST
    @Path("/{id}/restore")
    @APIResponse(responseCode = "200", description = "The quiz, active again (already active: unchanged)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuizView.class)),
            headers = @Header(name = "ETag", description = "The new revision",
                    schema = @Schema(type = SchemaType.STRING, example = "\"quiz7-r3\"")))
    @APIResponse(responseCode = "422", description = "Fewer approved questions match the draw rule than questionCount "
            + "now (`not-enough-questions`); change the quiz or approve questions first")
    @Operation(operationId = "restoreQuiz")
    public Response restore(@RestPath long id) {
        QuizView quiz = quizzes.restore(id);
        audit.record(callers.current(), "quiz.restore", "quiz:" + id, "revision " + quiz.revision());
        return Response.ok(quiz).tag(EntityTag.valueOf(quiz.etag())).build();
    }
}
