package cn.qhzgh.study.progress;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Events stay JSON trees here so that one malformed event is rejected alone, not the whole batch. */
public record ProgressBatch(
        @NotNull @Size(min = 1, max = 100)
        @Schema(type = SchemaType.ARRAY, implementation = SentEvent.class, minItems = 1, maxItems = 100,
                description = "1-100 events. An event that breaks these rules is REJECTED on its own; the others are stored.")
        List<JsonNode> events) {

    /** The shape of one event as the phone sends it; it documents the contract, EventValidator enforces it. */
    @Schema(name = "ProgressEventInput")
    public record SentEvent(
            @Schema(required = true, format = "uuid", description = "Made by the phone; unique per worker",
                    example = "0f8fad5b-d9cb-469f-a165-70867728950e")
            String eventId,
            @Schema(required = true, minimum = "1", example = "11")
            long moduleId,
            @Schema(required = true, minimum = "0", maximum = "100", example = "60")
            int percent,
            @Schema(required = true, minimum = "0", maximum = "3600", description = "Seconds since the phone's previous event: claimed, and stored as claimed; the result's creditedSeconds says how many count",
                    example = "180")
            int secondsSpent,
            @Schema(required = true, type = SchemaType.STRING, format = "date-time",
                    description = "ISO-8601 with offset; at most 5 minutes ahead and 90 days back",
                    example = "2022-11-20T09:30:00+08:00")
            String occurredAt,
            @Schema(required = true, example = "WECHAT")
            Channel channel) {
    }
}
