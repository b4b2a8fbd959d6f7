package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.quiz.question.QuestionSource;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.jboss.resteasy.reactive.RestQuery;

@Tag(name = StudyApi.QUESTION_BANK)
@Path("/api/v1/admin/questions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class QuestionAdminResource {

    private final QuestionQueries queries;
    private final QuestionAdminService questions;
    private final CallerService callers;
    private final AuditLog audit;

    public QuestionAdminResource(QuestionQueries queries, QuestionAdminService questions, CallerService callers,
                                 AuditLog audit) {
        this.queries = queries;
        this.questions = questions;
        this.callers = callers;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "listQuestions")
    public PageResult<QuestionView> list(@RestQuery QuestionSource source, @RestQuery String moduleCode,
                                         @RestQuery QuestionType type, @RestQuery QuestionStatus status,
                                         @RestQuery @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
                                         @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(new QuestionFilter(source, moduleCode, type, status), page, size);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The question with its answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)),
            headers = @Header(name = "ETag", description = "Send it back as If-Match to edit",
                    schema = @Schema(type = SchemaType.STRING, example = "\"q301-v2-8c1e5b0d94a37f26\"")))
    @Operation(operationId = "getQuestion")
    public Response get(@RestPath long id) {
        QuestionView question = queries.get(id);
        return Response.ok(question).tag(EntityTag.valueOf(question.etag())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The question; new wording is a new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuestionView.class)),
            headers = @Header(name = "ETag", description = "Validator of the current version",
                    schema = @Schema(type = SchemaType.STRING, example = "\"q301-v2-8c1e5b0d94a37f26\"")))
    @Operation(operationId = "updateQuestion")
    public Response edit(@RestPath long id, @HeaderParam(HttpHeaders.IF_MATCH)
                         @Parameter(required = true, description = "The ETag of the version you last read; * skips the check",
                                 example = "\"q301-v2-8c1e5b0d94a37f26\"") String ifMatch,
                         @Valid @NotNull QuestionEditRequest request) {
        QuestionView question = questions.edit(id, ifMatch, request, callers.current().externalId());
        audit.record(callers.current(), "question.edit", "question:" + id,
                "version " + question.version() + ", " + question.status());
        return Response.ok(question).tag(EntityTag.valueOf(question.etag())).build();
    }
}
