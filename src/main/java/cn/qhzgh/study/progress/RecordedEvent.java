package cn.qhzgh.study.progress;

import java.time.Instant;

/** An accepted reading event, as counters need it. */
public record RecordedEvent(long moduleId, long noticeId, int secondsSpent, Instant occurredAt, Channel channel) {
}
