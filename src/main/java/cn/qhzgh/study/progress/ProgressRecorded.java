package cn.qhzgh.study.progress;

import java.util.List;
import java.util.Set;

/**
 * Fired for every batch that stored events. {@code startedModules} are modules and {@code startedNotices} notices
 * in which this worker had no progress before this batch.
 */
public record ProgressRecorded(long workerId, long orgId, List<RecordedEvent> events, Set<Long> startedModules,
                               Set<Long> startedNotices) {
}
