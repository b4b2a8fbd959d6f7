package cn.qhzgh.study.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which unions the recount has read every worker of, given each union's highest worker id: reading workers in id
 * order, a union is complete once the pass has gone past its last worker. A union without workers (last id 0) is
 * complete from the start, so its stale counter rows are found too.
 */
final class UnionCompletion {

    /** A union and the highest id among its workers (0 when it has none). */
    record LastWorker(long orgId, long lastWorkerId) {
    }

    private final List<LastWorker> byLastWorker;
    private int next;

    UnionCompletion(List<LastWorker> unions) {
        byLastWorker = new ArrayList<>(unions);
        byLastWorker.sort(Comparator.comparingLong(LastWorker::lastWorkerId).thenComparingLong(LastWorker::orgId));
    }

    /** The unions, in id order, whose last worker has an id of at most {@code workerId}, each returned once. */
    List<Long> completedThrough(long workerId) {
        List<Long> done = new ArrayList<>();
        while (next < byLastWorker.size() && byLastWorker.get(next).lastWorkerId() <= workerId) {
            done.add(byLastWorker.get(next++).orgId());
        }
        done.sort(Long::compare);
        return done;
    }

    /** The unions not yet returned, in id order. */
    List<Long> remaining() {
        return completedThrough(Long.MAX_VALUE);
    }
}
