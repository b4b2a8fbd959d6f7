package cn.qhzgh.study.progress;

import java.util.List;
import java.util.Set;

/** Fired for every batch that stored events; {@code startedModules} are modules this worker touched first now. */
public record ProgressRecorded(long workerId, long orgId, List<RecordedEvent> events, Set<Long> startedModules) {
}
