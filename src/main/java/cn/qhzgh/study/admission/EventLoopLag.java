package cn.qhzgh.study.admission;

import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late the I/O threads run: each one is given a task every {@code interval}, and the task notes how long after
 * its due time it ran. That is the wait a refusal answered on that thread would have had.
 */
final class EventLoopLag {

    private final AtomicLong worst = new AtomicLong();

    /** Starts probing every loop; the returned tasks stop it. */
    List<ScheduledFuture<?>> start(Iterable<EventExecutor> loops, Duration interval) {
        long period = interval.toNanos();
        List<ScheduledFuture<?>> probes = new ArrayList<>();
        for (EventExecutor loop : loops) {
            probes.add(loop.scheduleWithFixedDelay(new Probe(period), period, period, TimeUnit.NANOSECONDS));
        }
        return probes;
    }

    /** The worst lateness seen since the last call, in nanoseconds. */
    long takeWorstNanos() {
        return worst.getAndSet(0);
    }

    /** One loop's probe; it runs only on its loop, so its own field needs no synchronisation. */
    private final class Probe implements Runnable {
        private final long period;
        private long due;

        Probe(long period) {
            this.period = period;
            this.due = System.nanoTime() + period;
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            long late = Math.max(0, now - due);
            worst.accumulateAndGet(late, Math::max);
            due = now + period;   // fixed delay: the next run is due one period after this one
        }
    }
}
