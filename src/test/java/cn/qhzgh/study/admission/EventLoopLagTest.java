package cn.qhzgh.study.admission;

import io.netty.channel.DefaultEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe on real Netty event loops: a loop kept busy shows as lateness at least as long as it was kept. */
class EventLoopLagTest {

    private final DefaultEventLoopGroup loops = new DefaultEventLoopGroup(2);

    @AfterEach
    void stopLoops() throws InterruptedException {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }

    @Test
    void aBusyLoopShowsAsLateness() throws Exception {
        EventLoopLag lag = new EventLoopLag();
        List<ScheduledFuture<?>> probes = lag.start(loops, Duration.ofMillis(5));
        assertThat(probes).hasSize(2);
        EventExecutor busy = loops.next();
        busy.submit(() -> sleep(150)).get(5, TimeUnit.SECONDS);
        Thread.sleep(50);   // the probe due during the busy spell runs after it
        assertThat(lag.takeWorstNanos()).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(140));

        probes.forEach(probe -> probe.cancel(false));
        for (EventExecutor loop : loops) {
            loop.submit(() -> { }).get(5, TimeUnit.SECONDS);   // after the cancellations, and any probe running
        }
        lag.takeWorstNanos();
        assertThat(lag.takeWorstNanos()).as("taking the worst starts a new window").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
