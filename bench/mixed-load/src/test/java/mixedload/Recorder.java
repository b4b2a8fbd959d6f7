package mixedload;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * wrk2-style accounting. Each request's latency runs from its intended send time (the constant-rate schedule of its
 * scenario) to the moment its response was handled, so a stalled service or driver cannot hide queueing
 * (no coordinated omission). Only requests whose intended time falls in the measured window count. A 503 with
 * Retry-After is a refusal, the documented answer past capacity: counted apart, neither an error nor admitted.
 */
final class Recorder {

    enum Kind {
        MODULE_FULL("module read, full (200)", 200),
        MODULE_CONDITIONAL("module read, If-None-Match (304)", 304),
        PROGRESS("progress batch", 200),
        QUIZ_START("quiz start", 201),
        QUIZ_SUBMIT("quiz submit", 200),
        STATS_SUMMARY("stats summary", 200),
        STATS_CHILDREN("stats children", 200),
        STATS_MODULES("stats modules", 200);

        final String label;
        final int expectedStatus;

        Kind(String label, int expectedStatus) {
            this.label = label;
            this.expectedStatus = expectedStatus;
        }
    }

    /**
     * One scenario's schedule: the rate ramps linearly from {@code from} to {@code rate} users/s over the first
     * {@code rampSeconds}, stays at {@code rate} for {@code holdSeconds}, then drops to {@code recoveryRate} (after an
     * overload); user n is meant to start when the cumulated rate reaches n.
     */
    final class Schedule {
        private final double from;
        private final double rate;
        private final double rampSeconds;
        private final double rampUsers;
        private final double holdSeconds;
        private final double recoveryRate;
        private final AtomicLong users = new AtomicLong();
        private volatile long base;

        Schedule(double from, double rate, double rampSeconds, double holdSeconds, double recoveryRate) {
            this.from = from;
            this.rate = rate;
            this.rampSeconds = rampSeconds;
            this.rampUsers = (from + rate) / 2 * rampSeconds;
            this.holdSeconds = holdSeconds;
            this.recoveryRate = recoveryRate;
        }

        /** Seconds after the start at which user n is due (the inverse of the cumulated rate). */
        double dueSeconds(long n) {
            double heldUsers = rampUsers + rate * holdSeconds;
            if (n >= heldUsers && recoveryRate > 0) {
                return rampSeconds + holdSeconds + (n - heldUsers) / recoveryRate;
            }
            if (n >= rampUsers) {
                return rampSeconds + (n - rampUsers) / rate;
            }
            double slope = (rate - from) / rampSeconds;
            return slope == 0 ? n / from : (-from + Math.sqrt(from * from + 2 * slope * n)) / slope;
        }

        /** The intended start of the user starting now; never later than now (a user early by jitter counts from now). */
        long intendedStart() {
            long now = System.nanoTime();
            long n = users.getAndIncrement();
            if (n == 0) {
                base = now;
                startClock(now);
            }
            while (base == 0) {
                Thread.onSpinWait();
            }
            long intended = base + (long) (dueSeconds(n) * 1e9);
            long late = now - intended;
            if (late > 0) {
                maxStartDelayNanos.accumulateAndGet(late, Math::max);
                if (late > 10_000_000) {
                    startsLateOver10ms.increment();
                }
            }
            return Math.min(now, intended);
        }
    }

    private final long warmupNanos;
    private final long durationNanos;
    private final Map<Kind, Histogram> latency = new EnumMap<>(Kind.class);
    private final Map<Kind, Histogram> gatlingResponseTime = new EnumMap<>(Kind.class);
    private final Histogram overall = new Histogram();
    private final Histogram overallGatling = new Histogram();
    private final Histogram refusals = new Histogram();
    private final Histogram refusalsGatling = new Histogram();
    private final Timeline timeline;
    private final int recoverySeconds;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final AtomicLong maxStartDelayNanos = new AtomicLong();
    private final LongAdder startsLateOver10ms = new LongAdder();
    private final LongAdder completedInWindow = new LongAdder();
    private final LongAdder completedTotal = new LongAdder();
    private final LongAdder startedTotal = new LongAdder();
    private final LongAdder errorsTotal = new LongAdder();
    private final Map<String, Long> pids;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mixed-load-clock");
        t.setDaemon(true);
        return t;
    });
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;
    private final Map<String, double[]> cpuSeconds = new TreeMap<>();
    private volatile String loadAtWindowStart = "?";
    private volatile String loadAtWindowEnd = "?";

    Recorder(long warmupSeconds, long durationSeconds, int recoverySeconds, Map<String, Long> pids) {
        this.warmupNanos = TimeUnit.SECONDS.toNanos(warmupSeconds);
        this.durationNanos = TimeUnit.SECONDS.toNanos(durationSeconds);
        this.recoverySeconds = recoverySeconds;
        this.timeline = new Timeline((int) (warmupSeconds + durationSeconds) + recoverySeconds + 600);
        this.pids = pids;
        for (Kind kind : Kind.values()) {
            latency.put(kind, new Histogram());
            gatlingResponseTime.put(kind, new Histogram());
        }
    }

    Schedule schedule(double from, double ratePerSecond, double rampSeconds, double holdSeconds, double recoveryRate) {
        return new Schedule(from, ratePerSecond, rampSeconds, holdSeconds, recoveryRate);
    }

    /** Called by the first user of any scenario: fixes the measured window and samples CPU at its edges. */
    private synchronized void startClock(long now) {
        if (windowStart != Long.MAX_VALUE) {
            return;
        }
        windowStart = now + warmupNanos;
        windowEnd = windowStart + durationNanos;
        clock.schedule(() -> sampleCpu(0), warmupNanos, TimeUnit.NANOSECONDS);
        clock.schedule(() -> sampleCpu(1), warmupNanos + durationNanos, TimeUnit.NANOSECONDS);
        long first = now;
        clock.scheduleAtFixedRate(new Runnable() {
            long lastCompleted;

            @Override
            public void run() {
                long done = completedTotal.sum();
                long elapsed = (System.nanoTime() - first) / 1_000_000_000;
                System.out.printf(Locale.ROOT, "[mixed-load] %4d s %-8s %6.0f responses/s, in flight %d, errors %d%n",
                        elapsed, phase(System.nanoTime()), (done - lastCompleted) / 10.0,
                        startedTotal.sum() - done, errorsTotal.sum());
                lastCompleted = done;
            }
        }, 10, 10, TimeUnit.SECONDS);
    }

    private String phase(long now) {
        return now < windowStart ? "warm-up" : now < windowEnd ? "measured" : "tail";
    }

    void started() {
        startedTotal.increment();
    }

    /**
     * A response (or a failure without one: status null) for a request meant to go out at {@code intendedStart}.
     * Returns whether the status was the expected one.
     */
    boolean complete(Kind kind, long intendedStart, Integer status, Integer gatlingMillis, boolean refused) {
        long end = System.nanoTime();
        completedTotal.increment();
        int second = (int) ((intendedStart - (windowStart - warmupNanos)) / 1_000_000_000L);
        if (refused) {
            count(kind.name() + ".refused", 1);
            timeline.refused(second, kind, end - intendedStart);
            if (intendedStart >= windowStart && intendedStart < windowEnd) {
                refusals.record(end - intendedStart);
                if (gatlingMillis != null) {
                    refusalsGatling.record(gatlingMillis * 1_000_000L);
                }
            }
            return false;
        }
        boolean ok = status != null && status == kind.expectedStatus;
        count(kind.name() + (ok ? ".ok" : ".failed"), 1);
        timeline.admitted(second, end - intendedStart, ok);
        if (!ok) {
            errorsTotal.increment();
        }
        if (intendedStart < windowStart || intendedStart >= windowEnd) {
            return ok;
        }
        if (ok && end < windowEnd) {
            completedInWindow.increment();
        }
        latency.get(kind).record(end - intendedStart);
        overall.record(end - intendedStart);
        if (gatlingMillis != null) {
            gatlingResponseTime.get(kind).record(gatlingMillis * 1_000_000L);
            overallGatling.record(gatlingMillis * 1_000_000L);
        }
        if (!ok) {
            errors.computeIfAbsent(kind.label + ": " + (status == null ? "no response (timeout or connection error)"
                    : "status " + status), k -> new LongAdder()).increment();
        }
        return ok;
    }

    void count(String name, long n) {
        counters.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    private void sampleCpu(int edge) {
        String load = readQuietly(Path.of("/proc/loadavg"));
        load = load.isEmpty() ? "?" : String.join(" ", Arrays.copyOf(load.trim().split(" "), 3));
        if (edge == 0) {
            loadAtWindowStart = load;
        } else {
            loadAtWindowEnd = load;
        }
        synchronized (cpuSeconds) {
            for (Map.Entry<String, Long> pid : pids.entrySet()) {
                cpuSeconds.computeIfAbsent(pid.getKey(), k -> new double[2])[edge] = processCpuSeconds(pid.getValue());
            }
        }
    }

    /** utime + stime of a process from /proc/<pid>/stat (fields 14 and 15), in seconds; 0 if it is gone. */
    private static double processCpuSeconds(long pid) {
        String stat = readQuietly(Path.of("/proc/" + pid + "/stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static String readQuietly(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }

    /** RESULT key=value lines for run.sh, then a Markdown table; written after the simulation. */
    void write(Path file, double offeredRate, String mix) throws IOException {
        clock.shutdownNow();
        if ("?".equals(loadAtWindowEnd)) {
            sampleCpu(1);   // the last users finished before the clock's end-of-window sample was due
        }
        double seconds = durationNanos / 1e9;
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        long measured = overall.count();
        long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
        out.printf(Locale.ROOT, "RESULT requests=%d%nRESULT admitted=%d%n", measured + refusals.count(), measured);
        out.printf(Locale.ROOT, "RESULT offered_per_s=%.1f%n", (measured + refusals.count()) / seconds);
        out.printf(Locale.ROOT, "RESULT throughput_per_s=%.1f%n", completedInWindow.sum() / seconds);
        out.printf(Locale.ROOT, "RESULT errors=%d%n", failed);
        out.printf(Locale.ROOT, "RESULT p50_ms=%.1f%nRESULT p95_ms=%.1f%nRESULT p99_ms=%.1f%nRESULT max_ms=%.1f%n",
                overall.percentileMillis(50), overall.percentileMillis(95), overall.percentileMillis(99), overall.maxMillis());
        out.printf(Locale.ROOT, "RESULT max_start_delay_ms=%.1f%n", maxStartDelayNanos.get() / 1e6);
        out.printf(Locale.ROOT, "RESULT starts_late_over_10ms=%d%n", startsLateOver10ms.sum());
        out.printf(Locale.ROOT, "RESULT load_window=%s → %s%n", loadAtWindowStart, loadAtWindowEnd);
        out.printf(Locale.ROOT, "RESULT refused=%d%nRESULT refused_per_s=%.1f%n", refusals.count(), refusals.count() / seconds);
        out.printf(Locale.ROOT, "RESULT refused_p50_ms=%.1f%nRESULT refused_p99_ms=%.1f%nRESULT refused_max_ms=%.1f%n",
                refusals.percentileMillis(50), refusals.percentileMillis(99), refusals.maxMillis());
        // Gatling's own time, from the request's write: what is left once the driver's lateness is taken out
        out.printf(Locale.ROOT, "RESULT refused_gatling_p50_ms=%.1f%nRESULT refused_gatling_p99_ms=%.1f%n"
                + "RESULT refused_gatling_max_ms=%.1f%n", refusalsGatling.percentileMillis(50),
                refusalsGatling.percentileMillis(99), refusalsGatling.maxMillis());
        double bound = Timeline.REFUSAL_NANOS / 1e6;
        out.printf(Locale.ROOT, "RESULT refused_over_50ms=%d%nRESULT refused_gatling_over_50ms=%d%n",
                refusals.countOver(bound), refusalsGatling.countOver(bound));
        int windowFrom = (int) (warmupNanos / 1_000_000_000L);
        out.printf(Locale.ROOT, "RESULT refused_over_50ms_by_second=%s%n",
                timeline.slowRefusals(windowFrom, windowFrom + (int) (durationNanos / 1_000_000_000L)));
        out.printf(Locale.ROOT, "RESULT revalidations_refused_while_stats_shed=%d%n",
                timeline.revalidationsRefusedWhileStatsShed());
        if (recoverySeconds > 0) {
            int overloadEnd = (int) ((warmupNanos + durationNanos) / 1_000_000_000L);
            out.printf(Locale.ROOT, "RESULT recovery_s=%d%n",
                    timeline.secondsToNormal(overloadEnd, overloadEnd + recoverySeconds));
        }
        synchronized (cpuSeconds) {
            for (Map.Entry<String, double[]> cpu : cpuSeconds.entrySet()) {
                out.printf(Locale.ROOT, "RESULT cpu_%s_s=%.1f%n", cpu.getKey(), cpu.getValue()[1] - cpu.getValue()[0]);
            }
        }
        new TreeMap<>(counters).forEach((name, n) -> out.printf(Locale.ROOT, "RESULT count.%s=%d%n", name, n.sum()));
        out.println();
        out.printf(Locale.ROOT, "Offered %.0f req/s (%s) for %.0f s after the warm-up.%n%n", offeredRate, mix, seconds);
        out.println("| request kind | admitted | share | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | Gatling p99 ms ¹ | refused ² |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Kind kind : Kind.values()) {
            row(out, kind.label, latency.get(kind), gatlingResponseTime.get(kind), measured, seconds,
                    counters.getOrDefault(kind.name() + ".failed", new LongAdder()).sum() == 0 ? 0 : errorsOf(kind),
                    counters.getOrDefault(kind.name() + ".refused", new LongAdder()).sum());
        }
        row(out, "**all**", overall, overallGatling, measured, seconds, failed, refusals.count());
        out.println();
        out.println("¹ Gatling's own response time, from the moment the request was written; the other columns run from "
                + "the intended send time of the constant-rate schedule.");
        out.printf(Locale.ROOT, "² 503 with Retry-After, over the whole run (the **all** row: the measured window); "
                + "refusal latency p99 %.1f ms, max %.1f ms.%n", refusals.percentileMillis(99), refusals.maxMillis());
        if (!errors.isEmpty()) {
            out.println();
            out.println("Errors in the measured window:");
            new TreeMap<>(errors).forEach((what, n) -> out.printf(Locale.ROOT, "- %s: %d%n", what, n.sum()));
        }
        out.flush();
        Files.writeString(file, text.toString());
        System.out.print(text);
    }

    private long errorsOf(Kind kind) {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith(kind.label + ":"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    private static void row(PrintWriter out, String label, Histogram h, Histogram gatling, long all, double seconds,
                            long failed, long refused) {
        out.printf(Locale.ROOT, "| %s | %,d | %.1f %% | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %,d |%n", label,
                h.count(), all == 0 ? 0 : 100.0 * h.count() / all, h.count() / seconds, h.percentileMillis(50),
                h.percentileMillis(95), h.percentileMillis(99), h.maxMillis(), failed, gatling.percentileMillis(99),
                refused);
    }
}
