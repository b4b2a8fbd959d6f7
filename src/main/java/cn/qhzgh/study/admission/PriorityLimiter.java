package cn.qhzgh.study.admission;

import com.netflix.concurrency.limits.Limit;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admits a request while the requests in flight stay under a limit, and lower priorities only under a share of it,
 * so that they are shed first. Never queues: a request is admitted or refused at once. Revalidations are neither
 * limited nor counted. The limit itself learns from the latency of every request released, and a cap set from
 * outside (the I/O threads' lateness, {@link LagCapRule}) can hold it lower.
 */
public final class PriorityLimiter {

    private final Limit limit;
    private final double standardShare;
    private final double sheddableShare;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean fullSinceLastAsked = new AtomicBoolean();
    private volatile int cap = Integer.MAX_VALUE;

    public PriorityLimiter(Limit limit, double standardShare, double sheddableShare) {
        this.limit = limit;
        this.standardShare = standardShare;
        this.sheddableShare = sheddableShare;
    }

    public boolean tryAcquire(Priority priority) {
        if (priority == Priority.REVALIDATION) {
            return true;
        }
        int ceiling = ceiling(priority, limit());
        for (int current = inFlight.get(); current < ceiling; current = inFlight.get()) {
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
        if (priority != Priority.SHEDDABLE) {
            fullSinceLastAsked.lazySet(true);
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

    /** The limit in force: the adaptive one, or the cap where that is lower. */
    public int limit() {
        return Math.min(limit.getLimit(), cap);
    }

    public int cap() {
        return cap;
    }

    public void cap(int cap) {
        this.cap = cap;
    }

    /**
     * Whether a request other than statistics was refused since the last call: the pod was full, or all but full,
     * not only the share left to statistics, which slow statistics fill at moderate load.
     */
    public boolean wasFullSinceLastAsked() {
        return fullSinceLastAsked.getAndSet(false);
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
