package cn.qhzgh.study.progress;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Events stay JSON trees here so that one malformed event is rejected alone, not the whole batch. */
public record ProgressBatch(
        @NotNull @Size(min = 1, max = 100)
        @Schema(description = "1-100 events, each {eventId: UUID made by the phone, moduleId, percent: 0-100, "
                + "secondsSpent: 0-3600 since the phone's previous event, occurredAt: ISO-8601 with offset, "
                + "channel: APP | WECHAT | WEIBO | VIDEO}",
                example = "[{\"eventId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"moduleId\":10,\"percent\":60,"
                        + "\"secondsSpent\":180,\"occurredAt\":\"2022-11-20T09:30:00+08:00\",\"channel\":\"WECHAT\"}]")
        List<JsonNode> events) {
}
