package cn.qhzgh.study.progress;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A worker's module rows in some notices (those of the batch and of the campaigns it counts in) as they were before a batch, all their credited spans and which of the
 * batch's events they sent before, read under the worker's lock. The batch's credit, first touches, campaign starts
 * and completion candidates follow from it without reading again.
 */
record PriorProgress(Map<Long, Row> byModule, Set<Long> touchedNotices, List<ReadingCredit.Span> spans,
                     Set<String> storedEventIds) {

    record Row(int percent, boolean completed, long creditedSeconds) {
    }

    boolean stored(String eventId) {
        return storedEventIds.contains(eventId);
    }

    boolean touched(long moduleId) {
        return byModule.containsKey(moduleId);
    }

    /** The worker had progress in one of these notices before the batch. */
    boolean touchedAny(List<Long> noticeIds) {
        return noticeIds.stream().anyMatch(touchedNotices::contains);
    }

    long credited(long moduleId) {
        Row row = byModule.get(moduleId);
        return row == null ? 0 : row.creditedSeconds();
    }

    /**
     * After merging a batch whose highest percent is {@code batchPercent} and which credits {@code batchCredited}
     * seconds: not yet complete, at 100 % and credited at least {@code minimumSeconds}.
     */
    boolean completableAfter(long moduleId, int batchPercent, long batchCredited, long minimumSeconds) {
        Row row = byModule.get(moduleId);
        int percent = row == null ? batchPercent : Math.max(row.percent(), batchPercent);
        boolean completed = row != null && row.completed();
        return !completed && percent >= 100 && credited(moduleId) + batchCredited >= minimumSeconds;
    }
}
