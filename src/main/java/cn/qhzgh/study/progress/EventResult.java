package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of one event of a batch; {@code problem} explains a rejection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(
        @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        String eventId,
        @Schema(required = true, example = "ACCEPTED")
        EventStatus status,
        @Schema(example = "180", minimum = "0", maximum = "3600", description = "Seconds of reading this event was "
                + "credited: of its claimed secondsSpent, those not already credited to another event of the worker "
                + "(one second of wall-clock time counts once), within the module's cap. 0 for a DUPLICATE; absent "
                + "for a REJECTED event.")
        Integer creditedSeconds,
        Problem problem) {
}
