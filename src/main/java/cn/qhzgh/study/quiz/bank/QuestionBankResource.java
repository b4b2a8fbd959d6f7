package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.BusinessMetrics;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.DuplicateKeys;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.common.Uploads;
import cn.qhzgh.study.common.http.BodyCap;
import cn.qhzgh.study.common.http.BodyKind;
import cn.qhzgh.study.common.http.HttpLimits;
import cn.qhzgh.study.common.http.ImportAdmission;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

@Tag(name = StudyApi.QUESTION_BANK)
@Path("/api/v1/admin/question-banks")
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class QuestionBankResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String GIFT = "text/plain;charset=UTF-8";

    private final QuestionBankService banks;
    private final CallerService callers;
    private final BusinessMetrics metrics;
    private final AuditLog audit;
    private final HttpLimits limits;

    public QuestionBankResource(QuestionBankService banks, CallerService callers, BusinessMetrics metrics,
                                AuditLog audit, HttpLimits limits) {
        this.limits = limits;
        this.banks = banks;
        this.callers = callers;
        this.metrics = metrics;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @BodyCap(BodyKind.QUESTION_BANK)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "The bank was stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankImportResult.class)))
    @APIResponse(responseCode = "200", description = "Dry run, or the same file was uploaded before (duplicateOf)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BankImportResult.class)))
    @APIResponse(responseCode = "413", description = "The bank is larger than `study.http.max-question-bank-upload` "
            + "(10 MiB), counted as it streams in; a declared Content-Length over it is refused before the body is read")
    @APIResponse(responseCode = "422", description = ImportAdmission.UNUSABLE_TABLE)
    @APIResponse(responseCode = "429", description = ImportAdmission.BUSY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")))
    @APIResponse(responseCode = "503", description = ImportAdmission.LOW_TEMP_SPACE)
    @Operation(operationId = "importQuestionBank")
    public Response upload(@RestForm("file") FileUpload file, @RestQuery String format, @RestQuery boolean dryRun)
            throws IOException {
        Uploads.require(file, limits.contentCap(BodyKind.QUESTION_BANK), "question bank");
        BankFormat bankFormat = formatOf(format, file.fileName());
        byte[] content = Files.readAllBytes(file.uploadedFile());
        String actor = callers.current().externalId();
        BankImportResult result = DuplicateKeys.retriedOnce(
                () -> banks.upload(content, file.fileName(), bankFormat, dryRun, actor));
        if (result.dryRun() || result.duplicateOf() != null) {
            return Response.ok(result).build();
        }
        metrics.importedRows("questions", result.questions());
        audit.record(callers.current(), "bank.upload", "bank:" + result.bankId(), result.questions() + " question(s)");
        return Response.created(URI.create("/api/v1/admin/question-banks/" + result.bankId())).entity(result).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listQuestionBanks")
    public List<BankView> list() {
        return banks.list();
    }

    @GET
    @Path("/template.xlsx")
    @Produces(XLSX)
    @Operation(operationId = "getQuestionBankTemplate")
    public Response template() {
        StreamingOutput body = banks::template;
        return Response.ok(body, XLSX)
                .header("Content-Disposition", "attachment; filename=\"question-bank-template.xlsx\"").build();
    }

    @GET
    @Path("/{id}/export")
    @Produces({XLSX, GIFT})
    @Operation(operationId = "exportQuestionBank")
    public Response export(@RestPath long id, @RestQuery @DefaultValue("xlsx") String format) {
        BankFormat bankFormat = BankFormat.fromParameter(format)
                .filter(f -> f == BankFormat.XLSX || f == BankFormat.GIFT)
                .orElseThrow(() -> DomainException.badRequest("unsupported-export", "Banks export as xlsx or gift.",
                        List.of(ProblemError.field("format", "must be xlsx or gift"))));
        banks.requireBank(id);
        StreamingOutput body = out -> banks.export(id, bankFormat, out);
        String extension = bankFormat == BankFormat.XLSX ? "xlsx" : "gift.txt";
        return Response.ok(body, bankFormat == BankFormat.XLSX ? XLSX : GIFT)
                .header("Content-Disposition", "attachment; filename=\"question-bank-" + id + "." + extension + "\"")
                .build();
    }

    private static BankFormat formatOf(String parameter, String fileName) {
        if (parameter != null && !parameter.isBlank()) {
            return BankFormat.fromParameter(parameter).orElseThrow(() -> unsupported("format '" + parameter + "'"));
        }
        return BankFormat.fromFileName(fileName).orElseThrow(() -> unsupported(fileName == null
                ? "upload, which has no file name" : "file name '" + fileName + "'"));
    }

    private static DomainException unsupported(String what) {
        return new DomainException(415, "unsupported-bank-format", "Unsupported Media Type",
                "Cannot tell the bank format from the " + what
                        + "; use ?format=xlsx|csv|json|gift|aiken or a file ending in one of those.");
    }
}
