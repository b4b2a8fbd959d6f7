package cn.qhzgh.study.content;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.util.List;

@Tag(name = StudyApi.ADMIN)
@Path("/api/v1/admin/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class NoticeAdminResource {

    private static final String NOTICE_TOO_LARGE = "The notice is larger than `study.http.max-notice-body` (2 MiB), "
            + "counted as it streams in; a declared Content-Length over it is refused before the body is read";
    private static final String NOTICE_EXCERPT = """
            # 青海省总工会文件

            青总发〔2022〕24号

            ## 青海省总工会 关于认真学习宣传贯彻党的二十大精神的通知

            各市（州）总工会，省级各产业工会，省总各直属工会，省总各部室、直属各事业单位：

            为深入学习宣传贯彻党的二十大精神，切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来……

            ## 一、充分认识学习宣传贯彻党的二十大精神的重大意义

            ……深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”……
            """;

    private static final String INVALID_DOCUMENT = "The document cannot be imported: `invalid-notice` when no numbered "
            + "structure (一、, （一） or 1．) or no title is found; `unsupported-encoding` for a text file neither UTF-8 nor GB18030 (GBK); "
            + "`unsupported-document` for a ZIP that is not a Word document; `unreadable-document` for a damaged "
            + "DOCX or PDF, or a DOCX inflating beyond `study.upload.max-docx-inflated` (64 MiB) or 100 times a "
            + "part's compressed size; `pdf-without-text` for a scanned PDF without a text layer";
    private static final String FORMATS = "The document as field `file`. Its format is told from its first bytes, "
            + "whatever its name: a Word document (DOCX: paragraphs, bold, Word's automatic numbering, tables as rows), "
            + "a PDF with a text layer (reading order; running headers, footers and page numbers removed; paragraphs "
            + "rebuilt across lines and pages), or Markdown or plain text in UTF-8 (with or without BOM) "
            + "or GB18030 (GBK).";

    private final NoticeImportService imports;
    private final NoticeDocuments documents;
    private final CallerService callers;
    private final AuditLog audit;
    private final HttpLimits limits;

    public NoticeAdminResource(NoticeImportService imports, NoticeDocuments documents, CallerService callers,
                               AuditLog audit, HttpLimits limits) {
        this.limits = limits;
        this.imports = imports;
        this.documents = documents;
        this.callers = callers;
        this.audit = audit;
    }

    @POST
    @BodyCap(BodyKind.NOTICE)
    @Consumes({"text/markdown", MediaType.TEXT_PLAIN})
    @APIResponse(responseCode = "201", description = "A new notice was imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeImportResult.class)),
            headers = @Header(name = "Location", description = "The new notice",
                    schema = @Schema(type = SchemaType.STRING, example = "/api/v1/notices/1")))
    @APIResponse(responseCode = "200", description = "Re-import or dry run: the report of what changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeImportResult.class)))
    @APIResponse(responseCode = "413", description = NOTICE_TOO_LARGE)
    @APIResponse(responseCode = "422", description = INVALID_DOCUMENT)
    @APIResponse(responseCode = "429", description = ImportAdmission.BUSY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")))
    @APIResponse(responseCode = "503", description = ImportAdmission.LOW_TEMP_SPACE)
    public Response importText(@RequestBody(content = {
                                       @Content(mediaType = "text/markdown", example = NOTICE_EXCERPT,
                                               schema = @Schema(type = SchemaType.STRING)),
                                       @Content(mediaType = MediaType.TEXT_PLAIN, example = NOTICE_EXCERPT,
                                               schema = @Schema(type = SchemaType.STRING))})
                               byte[] body, @RestQuery boolean dryRun) {
        // Bytes, so that GBK text is read as it is from a file; a declared charset is not trusted more than a name.
        String text = body == null ? "" : documents.text(body);
        if (text.isBlank()) {
            throw DomainException.badRequest("empty-body", "Send the notice text as the request body.",
                    List.of(ProblemError.field("body", "is empty")));
        }
        String actor = callers.current().externalId();
        return respond(DuplicateKeys.retriedOnce(() -> imports.importNotice(text, dryRun, actor)));
    }

    @POST
    @BodyCap(BodyKind.NOTICE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @APIResponse(responseCode = "201", description = "A new notice was imported",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeImportResult.class)),
            headers = @Header(name = "Location", description = "The new notice",
                    schema = @Schema(type = SchemaType.STRING, example = "/api/v1/notices/1")))
    @APIResponse(responseCode = "200", description = "Re-import or dry run: the report of what changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoticeImportResult.class)))
    @APIResponse(responseCode = "413", description = NOTICE_TOO_LARGE)
    @APIResponse(responseCode = "422", description = INVALID_DOCUMENT)
    @APIResponse(responseCode = "429", description = ImportAdmission.BUSY,
            headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")))
    @APIResponse(responseCode = "503", description = ImportAdmission.LOW_TEMP_SPACE)
    @Operation(operationId = "importNotice", summary = "Import a notice file: DOCX, PDF, Markdown or text", description = FORMATS)
    public Response importFile(@RestForm("file") FileUpload file, @RestQuery boolean dryRun) throws IOException {
        Uploads.require(file, limits.contentCap(BodyKind.NOTICE), "notice");
        String text = documents.text(file.uploadedFile());
        String actor = callers.current().externalId();
        return respond(DuplicateKeys.retriedOnce(() -> imports.importNotice(text, dryRun, actor)));
    }

    private Response respond(NoticeImportResult result) {
        if (!result.dryRun()) {
            long changed = result.modules().stream().filter(m -> m.change() != ModuleChange.Kind.UNCHANGED).count();
            audit.record(callers.current(), "notice.import", "notice:" + (result.notice().docNumber() != null
                    ? result.notice().docNumber() : result.notice().id()),
                    changed + " module(s) created, revised or withdrawn");
        }
        if (result.created() && !result.dryRun()) {
            return Response.created(URI.create("/api/v1/notices/" + result.notice().id())).entity(result).build();
        }
        return Response.ok(result).build();
    }
}
