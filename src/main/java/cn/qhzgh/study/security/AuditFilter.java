package cn.qhzgh.study.security;

import cn.qhzgh.study.common.DayParameter;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.ProblemError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which audit entries a reader asks for: an exact actor and action, and a range of Beijing days (both ends included),
 * held as the instants {@code [since, before)}. Every part is optional; null means no restriction.
 */
public record AuditFilter(String actor, String action, Instant since, Instant before) {

    /** Admins think in Beijing days, whatever the server's zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);

    /** From the query parameters as given; a 400 naming the field for a day that is not one, or from after to. */
    public static AuditFilter of(String actor, String action, String from, String to) {
        LocalDate first = DayParameter.parse("from", from, null);
        LocalDate last = DayParameter.parse("to", to, null);
        if (first != null && last != null && first.isAfter(last)) {
            throw DomainException.badRequest("invalid-range", "from must not be after to.",
                    List.of(ProblemError.field("from", "must be on or before 'to'")));
        }
        return new AuditFilter(blankToNull(actor), blankToNull(action),
                first == null ? null : first.atStartOfDay(ZONE).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(ZONE).toInstant());
    }

    /** The JPQL condition (empty when nothing is asked) and its named parameters. */
    String where() {
        StringBuilder where = new StringBuilder();
        parameters().keySet().forEach(name -> where.append(where.isEmpty() ? "" : " and ").append(switch (name) {
            case "since" -> "at >= :since";
            case "before" -> "at < :before";
            default -> name + " = :" + name;
        }));
        return where.toString();
    }

    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (actor != null) {
            parameters.put("actor", actor);
        }
        if (action != null) {
            parameters.put("action", action);
        }
        if (since != null) {
            parameters.put("since", since);
        }
        if (before != null) {
            parameters.put("before", before);
        }
        return parameters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
