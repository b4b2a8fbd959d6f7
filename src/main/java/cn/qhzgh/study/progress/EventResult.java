package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of one event of a batch; {@code problem} explains a rejection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventResult(String eventId, EventStatus status, Problem problem) {
}
