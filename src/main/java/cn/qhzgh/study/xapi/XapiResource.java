package cn.qhzgh.study.xapi;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.common.StudyApi;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

@Tag(name = StudyApi.PROGRESS)
@Path("/api/v1/admin/xapi/statements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class XapiResource {

    /** Records are stored with times from the epoch on; an earlier 'since' is a client's mistake, not a wish for more. */
    private static final Instant EARLIEST_SINCE = Instant.EPOCH;

    private final XapiService xapi;
    private final CallerService callers;
    private final AuditLog audit;

    public XapiResource(XapiService xapi, CallerService callers, AuditLog audit) {
        this.xapi = xapi;
        this.callers = callers;
        this.audit = audit;
    }

    @GET
    @Operation(operationId = "exportXapiStatements", summary = "Export learning records as xAPI 1.0.3 statements",
            description = "Verbs progressed, completed, passed and failed (ADL). The actor is an account on this "
                    + "service's home page. Statement ids are name-based UUIDs, so a re-export never duplicates in "
                    + "an LRS. Follow 'more' for the next page; it is empty on the last one.")
    public XapiStatementResult statements(@RestQuery String org,
                                          @RestQuery @Parameter(description = "Only records stored after this "
                                                  + "ISO-8601 instant, between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z",
                                                  schema = @Schema(type = SchemaType.STRING, format = "date-time",
                                                          example = "2022-11-20T00:00:00+08:00"))
                                          String since,
                                          @RestQuery @DefaultValue("100") @Min(1) @Max(500) int limit,
                                          @RestQuery @Size(max = XapiCursor.MAX_LENGTH) @Parameter(description = "The "
                                                  + "cursor of the previous page's 'more' link, as it is")
                                          String cursor) {
        Caller caller = callers.current();
        String orgCode = org != null && !org.isBlank() ? org : caller.orgCode();
        if (orgCode == null) {
            throw DomainException.badRequest("org-required", "Name the union whose records to export.",
                    List.of(ProblemError.field("org", "is required")));
        }
        XapiStatementResult result = xapi.export(caller, orgCode, parseSince(since), limit, cursor);
        audit.recordRead(caller, "xapi.statements", "org:" + orgCode, result.statements().size(),
                since == null ? null : "since " + since);
        return result;
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = Instant.parse(since);
            } catch (DateTimeParseException again) {
                throw invalidSince();
            }
        }
        if (instant.isBefore(EARLIEST_SINCE) || instant.isAfter(XapiCursor.LATEST)) {
            throw invalidSince();
        }
        return instant;
    }

    private static DomainException invalidSince() {
        return DomainException.badRequest("invalid-since", "since must be an ISO-8601 timestamp between "
                        + EARLIEST_SINCE + " and " + XapiCursor.LATEST + ".",
                List.of(ProblemError.field("since", "e.g. 2022-11-20T00:00:00+08:00")));
    }
}
