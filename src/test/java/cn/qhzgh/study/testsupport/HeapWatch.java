package cn.qhzgh.study.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the live heap of this JVM (which in a {@code @QuarkusTest} is also the server's) while an action runs, and
 * reports the peak above the level measured just before it. Each sample follows a full collection: the used heap
 * alone counts garbage too, and Vert.x copies every received chunk into a fresh heap buffer, so a server streaming
 * 50 MB through and keeping none of it would look as if it held them.
 */
public final class HeapWatch {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapWatch() {
    }

    public record Watched<T>(T result, long baselineBytes, long peakBytes) {

        public long peakIncreaseBytes() {
            return peakBytes - baselineBytes;
        }

        public String describe() {
            return String.format("heap baseline %.1f MB, peak %.1f MB, increase %.1f MB", baselineBytes / 1e6,
                    peakBytes / 1e6, peakIncreaseBytes() / 1e6);
        }
    }

    public static <T> Watched<T> during(Callable<T> action) throws Exception {
        System.gc();
        long baseline = MEMORY.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
        try {
            T result = action.call();
            return new Watched<>(result, baseline, peak.get());
        } finally {
            sampler.interrupt();
            sampler.join();
        }
    }
}
