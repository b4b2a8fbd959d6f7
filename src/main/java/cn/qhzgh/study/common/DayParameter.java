package cn.qhzgh.study.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A day given as a query parameter (statistics, the audit log): an ISO date inside the years a campaign can have data. */
public final class DayParameter {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);
    public static final String RULE = "must be a date yyyy-MM-dd between " + EARLIEST + " and " + LATEST;

    private DayParameter() {
    }

    /** {@code fallback} when the value is absent; a 400 naming {@code field} when it is not a day in range. */
    public static LocalDate parse(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw invalid(field);
        }
        return day;
    }

    private static DomainException invalid(String field) {
        return DomainException.badRequest("invalid-date", field + " must be a date such as 2022-11-20, between "
                + EARLIEST + " and " + LATEST + ".", List.of(ProblemError.field(field, RULE)));
    }
}
