package cn.qhzgh.study.common;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counters of what the campaign does, exported on /q/metrics next to the HTTP ones. Inside a transaction a count
 * is added only once it commits, so a rolled-back or retried transaction never counts.
 */
@ApplicationScoped
public class BusinessMetrics {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public BusinessMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** @param status ACCEPTED, DUPLICATE or REJECTED */
    public void progressEvents(String status, long count) {
        if (count > 0) {
            afterCommit(() -> registry.counter("study.progress.events", "status", status).increment(count));
        }
    }

    public void attemptStarted() {
        afterCommit(() -> registry.counter("study.attempts.started").increment());
    }

    /** @param status SUBMITTED or LATE */
    public void attemptSubmitted(String status) {
        afterCommit(() -> registry.counter("study.attempts.submitted", "status", status).increment());
    }

    /** @param kind orgs, workers, questions or notice-modules */
    public void importedRows(String kind, long rows) {
        afterCommit(() -> registry.counter("study.import.rows", "kind", kind).increment(rows));
    }

    private void afterCommit(Runnable count) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            count.run();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback: it will never commit
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count.run();
                }
            }
        });
    }
}
