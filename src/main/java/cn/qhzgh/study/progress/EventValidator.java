package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.Problem;
import cn.qhzgh.study.common.ProblemError;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one event of a batch on its own, so one bad event never costs the others.
 * Events are read as JSON trees: a wrong type in one event rejects that event, not the batch.
 */
final class EventValidator {

    static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    static final Duration MAX_PAST = Duration.ofDays(90);
    static final int MAX_SECONDS_SPENT = 3600;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Either a valid event or the problem that rejects it. */
    record Outcome(ProgressEvent event, Problem problem) {
    }

    private EventValidator() {
    }

    static Outcome check(int index, JsonNode node, Instant now) {
        String prefix = "events[" + index + "]";
        if (node == null || !node.isObject()) {
            return rejected(List.of(ProblemError.field(prefix, "must be a JSON object")));
        }
        List<ProblemError> errors = new ArrayList<>();
        String eventId = node.path("eventId").isTextual() ? node.path("eventId").asText() : null;
        if (eventId == null || !UUID.matcher(eventId).matches()) {
            errors.add(ProblemError.field(prefix + ".eventId", "must be a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e"));
        }
        Long moduleId = integral(node.path("moduleId"));
        if (moduleId == null || moduleId < 1) {
            errors.add(ProblemError.field(prefix + ".moduleId", "must be the id of a study module"));
        }
        Long percent = integral(node.path("percent"));
        if (percent == null || percent < 0 || percent > 100) {
            errors.add(ProblemError.field(prefix + ".percent", "must be a whole number from 0 to 100"));
        }
        Long seconds = integral(node.path("secondsSpent"));
        if (seconds == null || seconds < 0 || seconds > MAX_SECONDS_SPENT) {
            errors.add(ProblemError.field(prefix + ".secondsSpent", "must be a whole number from 0 to 3600"));
        }
        Instant occurredAt = instant(node.path("occurredAt"));
        if (occurredAt == null) {
            errors.add(ProblemError.field(prefix + ".occurredAt", "must be ISO-8601 with an offset, e.g. 2022-11-20T09:30:00+08:00"));
        } else if (occurredAt.isAfter(now.plus(MAX_FUTURE))) {
            errors.add(ProblemError.field(prefix + ".occurredAt", "is more than 5 minutes in the future"));
        } else if (occurredAt.isBefore(now.minus(MAX_PAST))) {
            errors.add(ProblemError.field(prefix + ".occurredAt", "is more than 90 days in the past"));
        }
        Channel channel = channel(node.path("channel"));
        if (channel == null) {
            errors.add(ProblemError.field(prefix + ".channel", "must be APP, WECHAT, WEIBO or VIDEO"));
        }
        if (!errors.isEmpty()) {
            return rejected(errors);
        }
        return new Outcome(new ProgressEvent(index, eventId.toLowerCase(Locale.ROOT), moduleId, percent.intValue(),
                seconds.intValue(), occurredAt, channel), null);
    }

    static Outcome unknownModule(int index, long moduleId) {
        return rejected(List.of(ProblemError.field("events[" + index + "].moduleId",
                "no study module has the id " + moduleId)));
    }

    private static Outcome rejected(List<ProblemError> errors) {
        return new Outcome(null, new Problem(Problem.type("invalid-event"), "Unprocessable Content", 422,
                "The event was not recorded; the other events of the batch were.", null, errors, errors.size()));
    }

    private static Long integral(JsonNode node) {
        return node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    }

    private static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Channel channel(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Channel.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
