package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of one event of a batch; {@code problem} explains a rejection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(
        @Schema(example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        String eventId,
        @Schema(example = "ACCEPTED")
        EventStatus status,
        Problem problem) {
}
