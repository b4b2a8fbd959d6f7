package cn.qhzgh.study.progress;

import java.time.Instant;

/** An event that passed validation. */
record ProgressEvent(int index, String eventId, long moduleId, int percent, int secondsSpent, Instant occurredAt,
                     Channel channel) {
}
