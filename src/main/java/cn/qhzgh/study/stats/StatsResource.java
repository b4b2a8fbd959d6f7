package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.common.DayParameter;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import cn.qhzgh.study.stats.report.CountingReportSink;
import cn.qhzgh.study.stats.report.ReportFileName;
import cn.qhzgh.study.stats.report.ReportFormat;
import cn.qhzgh.study.stats.report.ReportSinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

@Tag(name = StudyApi.STATS)
@Path("/api/v1/stats/orgs/{code}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class StatsResource {

    static final String CAMPAIGN = "The campaign's id (GET /api/v1/campaigns); default the most recently published "
            + "campaign the caller can see";

    private final StatsService stats;
    private final CallerService callers;
    private final ExportGate exports;
    private final AuditLog audit;

    public StatsResource(StatsService stats, CallerService callers, ExportGate exports, AuditLog audit) {
        this.stats = stats;
        this.callers = callers;
        this.exports = exports;
        this.audit = audit;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getOrgSummary")
    public SummaryView summary(@RestPath String code, @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        return stats.summary(callers.current(), code, campaign);
    }

    @GET
    @Path("/children")
    @Operation(operationId = "listOrgChildren")
    public ChildrenView children(@RestPath String code, @RestQuery @DefaultValue("code") String sort,
                                     @RestQuery @DefaultValue("asc") String order, @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw DomainException.badRequest("invalid-order", "order is asc or desc.",
                    List.of(ProblemError.field("order", "must be asc or desc")));
        }
        return stats.children(callers.current(), code, campaign, sort, order.equals("desc"));
    }

    @GET
    @Path("/modules")
    @Operation(operationId = "listOrgModuleFigures")
    public List<ModuleFigures> modules(@RestPath String code, @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        return stats.modules(callers.current(), code, campaign);
    }

    @GET
    @Path("/trend")
    @Operation(operationId = "getOrgTrend")
    public List<DayFigures> trend(@RestPath String code,
                                  @RestQuery @Parameter(description = "First day; default 29 days before `to`. "
                                          + "Between 2000-01-01 and 2099-12-31, at most 366 days before `to`",
                                          schema = @Schema(type = SchemaType.STRING, format = "date", example = "2022-11-20"))
                                  String from,
                                  @RestQuery @Parameter(description = "Last day; default today (Asia/Shanghai). "
                                          + "Between 2000-01-01 and 2099-12-31",
                                          schema = @Schema(type = SchemaType.STRING, format = "date", example = "2022-12-19"))
                                  String to, @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        LocalDate today = LocalDate.now(CampaignCalendar.ZONE);
        return stats.trend(callers.current(), code, campaign, DayParameter.parse("from", from, today.minusDays(29)),
                DayParameter.parse("to", to, today));
    }

    @GET
    @Path("/channels")
    @Operation(operationId = "getOrgChannels")
    public List<ChannelShare> channels(@RestPath String code, @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        return stats.channels(callers.current(), code, campaign);
    }

    @GET
    @Path("/questions")
    @Operation(operationId = "listOrgQuestionAnalysis", description = "Item analysis of the campaign in the subtree: "
            + "the FINAL exam as a whole and each question's figures over workers' first FINAL attempts, beside each "
            + "question's answers and picks over every attempt at every quiz")
    public QuestionAnalysis questions(@RestPath String code,
                                        @RestQuery @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                        @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        return stats.questions(callers.current(), code, campaign, limit);
    }

    @GET
    @Path("/laggards")
    @Operation(operationId = "listOrgLaggards")
    public PageResult<Laggard> laggards(@RestPath String code, @RestQuery @DefaultValue("0") @Min(0) @Max(PageResult.MAX_PAGE) int page,
                                        @RestQuery @DefaultValue("50") @Min(1) @Max(500) int size,
                                        @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        Caller caller = callers.current();
        PageResult<Laggard> laggards = stats.laggards(caller, code, campaign, page, size);
        audit.recordRead(caller, "stats.laggards", "org:" + code, laggards.items().size(),
                "page " + page + ", size " + size);
        return laggards;
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @APIResponse(responseCode = "429", description = "study.stats.export.max-concurrent (default 2) exports are "
            + "already streaming on this server; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds until a retry may succeed",
                    schema = @Schema(type = SchemaType.INTEGER, example = "30")))
    @APIResponse(responseCode = "200", description = "The report, streamed; the file name carries the org code and date",
            headers = @Header(name = "Content-Disposition", description = "The file name carries the org code and the date",
                    schema = @Schema(type = SchemaType.STRING, example = "attachment; filename=\"QH-XN_workers_2022-12-01.csv\"")))
    @Operation(operationId = "exportOrgReport")
    public Response export(@RestPath String code, @RestQuery @DefaultValue("csv") String format,
                           @RestQuery @DefaultValue("children") String sheet, @RestQuery @Parameter(description = CAMPAIGN) Long campaign) {
        ReportFormat reportFormat = ReportFormat.fromParameter(format).orElseThrow(() ->
                DomainException.badRequest("invalid-format", "format is csv or xlsx.",
                        List.of(ProblemError.field("format", "must be csv or xlsx"))));
        if (!sheet.equals("children") && !sheet.equals("workers")) {
            throw DomainException.badRequest("invalid-sheet", "sheet is children or workers.",
                    List.of(ProblemError.field("sheet", "must be children or workers")));
        }
        Caller caller = callers.current();
        StatsService.ExportPlan plan = stats.exportPlan(caller, code, campaign, sheet);
        String fileName = ReportFileName.of(plan.org().code, sheet, LocalDate.now(CampaignCalendar.ZONE),
                reportFormat);
        ExportGate.Permit permit = exports.enter();
        StreamingOutput body = out -> stream(out, permit, caller, plan, reportFormat, sheet);
        return Response.ok(body, reportFormat.mediaType())
                .header("Content-Disposition", ReportFileName.contentDisposition(fileName)).build();
    }

    /** Streams the report, then frees the permit and audits the rows actually handed to the stream. */
    private void stream(OutputStream out, ExportGate.Permit permit, Caller caller, StatsService.ExportPlan plan,
                        ReportFormat format, String sheet) {
        long rows = 0;
        boolean complete = false;
        try (permit) {
            CountingReportSink sink = new CountingReportSink(
                    ReportSinks.open(format, out, sheet, CampaignCalendar.ZONE));
            try (sink) {
                if (sheet.equals("workers")) {
                    stats.writeWorkers(plan, sink);
                } else {
                    ChildrenReport.write(plan.children(), sink);
                }
            } finally {
                rows = sink.rows();
            }
            complete = true;
        } finally {
            audit.recordRead(caller, "stats.export", "org:" + plan.org().code, rows,
                    "sheet " + sheet + ", " + format.name().toLowerCase() + (complete ? "" : ", broken off"));
        }
    }
}
