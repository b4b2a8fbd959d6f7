package cn.qhzgh.study.common;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of what the campaign does, exported on /q/metrics next to the HTTP ones. */
@ApplicationScoped
public class BusinessMetrics {

    private final MeterRegistry registry;

    public BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param status ACCEPTED, DUPLICATE or REJECTED */
    public void progressEvents(String status, long count) {
        if (count > 0) {
            registry.counter("study.progress.events", "status", status).increment(count);
        }
    }

    public void attemptStarted() {
        registry.counter("study.attempts.started").increment();
    }

    /** @param status SUBMITTED or LATE */
    public void attemptSubmitted(String status) {
        registry.counter("study.attempts.submitted", "status", status).increment();
    }

    /** @param kind orgs, workers, questions or notice-modules */
    public void importedRows(String kind, long rows) {
        registry.counter("study.import.rows", "kind", kind).increment(rows);
    }
}
