package cn.qhzgh.study.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The unions a check recounts, cut into batches of about {@code workers} workers (and at most {@code unions}
 * unions), in id order: a batch's rows are counted, compared and forgotten before the next is read, so the heap
 * holds one batch whatever order the workers' ids interleave the unions in. A union bigger than a batch gets one alone.
 */
final class UnionBatches {

    /** A union and how many workers it has. */
    record UnionWorkers(long orgId, long workers) {
    }

    private UnionBatches() {
    }

    static List<List<Long>> of(List<UnionWorkers> unions, long workers, int maxUnions) {
        List<List<Long>> batches = new ArrayList<>();
        List<Long> batch = new ArrayList<>();
        long inBatch = 0;
        for (UnionWorkers union : unions.stream().sorted((a, b) -> Long.compare(a.orgId(), b.orgId())).toList()) {
            if (!batch.isEmpty() && (inBatch + union.workers() > workers || batch.size() == maxUnions)) {
                batches.add(List.copyOf(batch));
                batch.clear();
                inBatch = 0;
            }
            batch.add(union.orgId());
            inBatch += union.workers();
        }
        if (!batch.isEmpty()) {
            batches.add(List.copyOf(batch));
        }
        return batches;
    }
}
