package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.security.CallerService;
import cn.qhzgh.study.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/v1/stats/orgs/{code}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.PROVINCE_ADMIN})
public class StatsResource {

    private final StatsService stats;
    private final CallerService callers;

    public StatsResource(StatsService stats, CallerService callers) {
        this.stats = stats;
        this.callers = callers;
    }

    @GET
    @Path("/summary")
    public SummaryView summary(@RestPath String code) {
        return stats.summary(callers.current(), code);
    }

    @GET
    @Path("/children")
    public List<OrgFigures> children(@RestPath String code, @RestQuery @DefaultValue("code") String sort,
                                     @RestQuery @DefaultValue("asc") String order) {
        if (!order.equals("asc") && !order.equals("desc")) {
            throw DomainException.badRequest("invalid-order", "order is asc or desc.",
                    List.of(ProblemError.field("order", "must be asc or desc")));
        }
        return stats.children(callers.current(), code, sort, order.equals("desc"));
    }

    @GET
    @Path("/modules")
    public List<ModuleFigures> modules(@RestPath String code) {
        return stats.modules(callers.current(), code);
    }

    @GET
    @Path("/trend")
    public List<DayFigures> trend(@RestPath String code, @RestQuery String from, @RestQuery String to) {
        LocalDate today = LocalDate.now(StatsCounters.CAMPAIGN_ZONE);
        return stats.trend(callers.current(), code, date("from", from, today.minusDays(29)), date("to", to, today));
    }

    @GET
    @Path("/channels")
    public List<ChannelShare> channels(@RestPath String code) {
        return stats.channels(callers.current(), code);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest("invalid-date", field + " must be a date such as 2022-11-20.",
                    List.of(ProblemError.field(field, "must be yyyy-MM-dd")));
        }
    }
}
