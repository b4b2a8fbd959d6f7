package cn.qhzgh.study.progress;

import java.util.Map;
import java.util.Set;

/**
 * A worker's module rows in some notices as they were before a batch, read under the worker's lock. The batch's
 * first touches, campaign starts and completion candidates follow from it without reading again.
 */
record PriorProgress(Map<Long, Row> byModule, Set<Long> startedNotices) {

    record Row(int percent, boolean completed) {
    }

    boolean touched(long moduleId) {
        return byModule.containsKey(moduleId);
    }

    boolean started(long noticeId) {
        return startedNotices.contains(noticeId);
    }

    /** After merging a batch whose highest percent is {@code batchPercent}: at 100 % and not yet complete. */
    boolean reachesFullIncomplete(long moduleId, int batchPercent) {
        Row row = byModule.get(moduleId);
        return row == null ? batchPercent >= 100 : Math.max(row.percent(), batchPercent) >= 100 && !row.completed();
    }
}
