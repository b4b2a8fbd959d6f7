package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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

import java.util.List;

@Tag(name = StudyApi.QUIZZES)
@Path("/api/v1/attempts")
@RolesAllowed(Roles.WORKER)
public class AttemptResource {

    private final SubmissionService submissions;
    private final CallerService callers;

    public AttemptResource(SubmissionService submissions, CallerService callers) {
        this.submissions = submissions;
        this.callers = callers;
    }

    @PUT
    @Path("/{attemptId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitAnswers", summary = "Submit an attempt's answers",
            description = "The server scores the attempt. A submission that arrives more than 30 s after the deadline "
                    + "is recorded as LATE and scored 0 (not rejected), so the phone always learns the outcome. "
                    + "Retrying with the same Idempotency-Key and body replays the stored response byte for byte.")
    @APIResponse(responseCode = "200", description = "Score and per-question results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionResult.class)))
    @APIResponse(responseCode = "409", description = "The attempt was already submitted under another key")
    @APIResponse(responseCode = "422", description = "Answers for questions not in the draw, or a reused key with another body")
    @APIResponse(responseCode = "429", description = "More than 10 starts and submissions a minute; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds until a retry may succeed",
                    schema = @Schema(type = SchemaType.INTEGER, example = "42")))
    public Response submit(@RestPath String attemptId, @HeaderParam("Idempotency-Key")
                           @Parameter(required = true, description = "1-128 characters, the same on every retry of this submission",
                                   example = "7d4c2a9e-submit-1") String idempotencyKey,
                           @Valid @NotNull SubmissionRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 128) {
            throw DomainException.badRequest("idempotency-key-required",
                    "Send an Idempotency-Key header (1-128 characters), the same on every retry of this submission.",
                    List.of(ProblemError.field("Idempotency-Key", "is required, at most 128 characters")));
        }
        String body = submissions.submit(callers.current(), attemptId, idempotencyKey.strip(), request);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
