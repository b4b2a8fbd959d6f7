package cn.qhzgh.study.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The pod's one limiter, with an adaptive limit (Netflix's gradient algorithm over windows of samples) held under a
 * cap that follows the I/O threads' lateness, and its metrics: {@code study_admission_limit},
 * {@code study_admission_lag_cap}, {@code study_admission_event_loop_lag_seconds},
 * {@code study_admission_in_flight} and {@code study_admission_shed_total{priority}}.
 */
@Startup // checks the wait budget and shows the limit's metrics before the first request
@ApplicationScoped
public class Admission {

    /** Windows of at least 100 ms and 20 requests: per-request samples would swing with the request mix. */
    private static final long MIN_WINDOW_MILLIS = 100;
    private static final int WINDOW_SIZE = 20;

    /** The cap is reconsidered after this many probes of each I/O thread. */
    private static final int PROBES_PER_WINDOW = 5;

    private final PriorityLimiter limiter;
    private final Map<Priority, Counter> shed = new EnumMap<>(Priority.class);
    private final EventLoopLag lag = new EventLoopLag();
    private final List<ScheduledFuture<?>> probes = new ArrayList<>();
    private volatile long lastWorstLagNanos;

    public Admission(AdmissionConfig config, MeterRegistry registry, Vertx vertx,
                     @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout")
                     Duration acquisitionTimeout) {
        if (acquisitionTimeout.compareTo(config.waitBudget()) > 0) {
            throw new IllegalStateException("quarkus.datasource.jdbc.acquisition-timeout (" + acquisitionTimeout
                    + ") exceeds study.admission.wait-budget (" + config.waitBudget() + ")");
        }
        this.limiter = new PriorityLimiter(adaptiveLimit(config.limit()), config.standardShare(),
                config.sheddableShare());
        Gauge.builder("study.admission.limit", limiter, PriorityLimiter::limit)
                .description("Requests a pod admits at once: the adaptive limit, or the lag cap where lower")
                .register(registry);
        Gauge.builder("study.admission.lag.cap", limiter, PriorityLimiter::cap)
                .description("Requests in flight allowed while the I/O threads run late (the limit's maximum if not)")
                .register(registry);
        Gauge.builder("study.admission.event.loop.lag", this, admission -> admission.lastWorstLagNanos / 1e9)
                .baseUnit("seconds").description("How late the I/O threads ran at worst in the last window")
                .register(registry);
        Gauge.builder("study.admission.in.flight", limiter, PriorityLimiter::inFlight)
                .description("Admitted requests not yet answered").register(registry);
        for (Priority priority : Priority.values()) {
            shed.put(priority, Counter.builder("study.admission.shed").tag("priority", priority.name())
                    .description("Requests refused with 503 because the pod was at its limit").register(registry));
        }
        limiter.cap(config.limit().max());
        if (config.lag().enabled()) {
            followLag(vertx, config);
        }
    }

    /** Probes every I/O thread, and after every few probes sets the cap by {@link LagCapRule}. */
    private void followLag(Vertx vertx, AdmissionConfig config) {
        LagCapRule rule = new LagCapRule(Math.min(config.lag().min(), config.limit().max()), config.limit().max(),
                config.lag().target().toNanos());
        Duration interval = config.lag().probeInterval();
        probes.addAll(lag.start(vertx.nettyEventLoopGroup(), interval));
        probes.add(vertx.nettyEventLoopGroup().next().scheduleWithFixedDelay(() -> {
            lastWorstLagNanos = lag.takeWorstNanos();
            limiter.cap(rule.next(limiter.cap(), lastWorstLagNanos, limiter.wasFullSinceLastAsked()));
        }, interval.toNanos() * PROBES_PER_WINDOW, interval.toNanos() * PROBES_PER_WINDOW, TimeUnit.NANOSECONDS));
    }

    @PreDestroy
    void stop() {
        probes.forEach(probe -> probe.cancel(false));
    }

    /** Rises while latency stays near its long-run average, falls as it climbs above: queueing shows in latency. */
    static Limit adaptiveLimit(AdmissionConfig.LimitConfig bounds) {
        return WindowedLimit.newBuilder()
                .minWindowTime(MIN_WINDOW_MILLIS, TimeUnit.MILLISECONDS)
                .windowSize(WINDOW_SIZE)
                .build(Gradient2Limit.newBuilder()
                        .initialLimit(bounds.initial())
                        .minLimit(bounds.min())
                        .maxConcurrency(bounds.max())
                        .build());
    }

    public boolean tryAcquire(Priority priority) {
        boolean admitted = limiter.tryAcquire(priority);
        if (!admitted) {
            shed.get(priority).increment();
        }
        return admitted;
    }

    public void release(Priority priority, long startNanos, long latencyNanos, boolean dropped) {
        limiter.release(priority, startNanos, latencyNanos, dropped);
    }
}
