package cn.qhzgh.study.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The pod's one limiter, with an adaptive limit (Netflix's gradient algorithm over windows of samples), and its
 * metrics: {@code study_admission_limit}, {@code study_admission_in_flight} and
 * {@code study_admission_shed_total{priority}}.
 */
@Startup // checks the wait budget and shows the limit's metrics before the first request
@ApplicationScoped
public class Admission {

    /** Windows of at least 100 ms and 20 requests: per-request samples would swing with the request mix. */
    private static final long MIN_WINDOW_MILLIS = 100;
    private static final int WINDOW_SIZE = 20;

    private final PriorityLimiter limiter;
    private final Map<Priority, Counter> shed = new EnumMap<>(Priority.class);

    public Admission(AdmissionConfig config, MeterRegistry registry,
                     @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout") Duration acquisitionTimeout) {
        if (acquisitionTimeout.compareTo(config.waitBudget()) > 0) {
            throw new IllegalStateException("quarkus.datasource.jdbc.acquisition-timeout (" + acquisitionTimeout
                    + ") exceeds study.admission.wait-budget (" + config.waitBudget() + ")");
        }
        this.limiter = new PriorityLimiter(adaptiveLimit(config.limit()), config.standardShare(),
                config.sheddableShare());
        Gauge.builder("study.admission.limit", limiter, PriorityLimiter::limit)
                .description("Requests a pod admits at once (adaptive)").register(registry);
        Gauge.builder("study.admission.in.flight", limiter, PriorityLimiter::inFlight)
                .description("Admitted requests not yet answered").register(registry);
        for (Priority priority : Priority.values()) {
            shed.put(priority, Counter.builder("study.admission.shed").tag("priority", priority.name())
                    .description("Requests refused with 503 because the pod was at its limit").register(registry));
        }
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
