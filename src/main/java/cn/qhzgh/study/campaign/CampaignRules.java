package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.ProblemError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The caps and checks of a campaign's fields that need no database. */
final class CampaignRules {

    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_AUDIENCE = 100;
    static final int MAX_MATERIALS = 50;
    static final int MAX_OPTIONAL_MODULES = 500;
    static final int DEFAULT_FINAL_PASS_SCORE = 80;

    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private CampaignRules() {
    }

    /** Windows lie in the years a campaign can run; anything else is a typo the database could not store. */
    static void window(Instant opensAt, Instant closesAt, List<ProblemError> errors) {
        if (outside(opensAt)) {
            errors.add(ProblemError.field("opensAt", "must be from " + EARLIEST + " to " + LATEST));
        }
        if (outside(closesAt)) {
            errors.add(ProblemError.field("closesAt", "must be from " + EARLIEST + " to " + LATEST));
        }
        if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
            errors.add(ProblemError.field("closesAt", "must be after opensAt"));
        }
    }

    /** Names every repeated entry of a list by its path, pointing at its first use. */
    static <T> void noDuplicates(String field, List<T> values, List<ProblemError> errors) {
        Map<T, Integer> first = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            Integer earlier = first.putIfAbsent(values.get(i), i);
            if (earlier != null) {
                errors.add(ProblemError.field(field + "[" + i + "]", "repeats " + field + "[" + earlier + "]"));
            }
        }
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : new ArrayList<>(values);
    }

    private static boolean outside(Instant instant) {
        return instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST));
    }
}
