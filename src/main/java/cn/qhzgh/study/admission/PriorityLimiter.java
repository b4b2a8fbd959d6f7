package cn.qhzgh.study.admission;

import com.netflix.concurrency.limits.Limit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits a request while the requests in flight stay under a limit, and lower priorities only under a share of it,
 * so that they are shed first. Never queues: a request is admitted or refused at once. Revalidations are neither
 * limited nor counted. The limit itself learns from the latency of every request released.
 */
public final class PriorityLimiter {

    private final Limit limit;
    private final double standardShare;
    private final double sheddableShare;
    private final AtomicInteger inFlight = new AtomicInteger();

    public PriorityLimiter(Limit limit, double standardShare, double sheddableShare) {
        this.limit = limit;
        this.standardShare = standardShare;
        this.sheddableShare = sheddableShare;
    }

    public boolean tryAcquire(Priority priority) {
        if (priority == Priority.REVALIDATION) {
            return true;
        }
        int ceiling = ceiling(priority, limit.getLimit());
        for (int current = inFlight.get(); current < ceiling; current = inFlight.get()) {
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Ends an admitted request; its latency, and whether it failed for want of capacity, feed the limit. */
    public void release(Priority priority, long startNanos, long latencyNanos, boolean dropped) {
        if (priority == Priority.REVALIDATION) {
            return;
        }
        limit.onSample(startNanos, latencyNanos, inFlight.getAndDecrement(), dropped);
    }

    public int limit() {
        return limit.getLimit();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** How many requests may be in flight when one of this priority is admitted; at least one, so none starves. */
    int ceiling(Priority priority, int currentLimit) {
        return switch (priority) {
            case REVALIDATION -> Integer.MAX_VALUE;
            case CRITICAL -> currentLimit;
            case STANDARD -> Math.max(1, (int) (currentLimit * standardShare));
            case SHEDDABLE -> Math.max(1, (int) (currentLimit * sheddableShare));
        };
    }
}
