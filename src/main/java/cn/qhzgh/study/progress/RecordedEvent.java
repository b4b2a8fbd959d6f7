package cn.qhzgh.study.progress;

import java.time.Instant;

/** An accepted reading event, as counters need it: the seconds it was credited, not those it claimed. */
public record RecordedEvent(long moduleId, long noticeId, int creditedSeconds, Instant occurredAt, Channel channel) {
}
