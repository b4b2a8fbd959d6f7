package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps the exports streaming at once on this pod. A slow download holds its connection until the client has read
 * the last row, so without a cap a dozen slow clients could take the whole pool and starve every other request.
 */
@ApplicationScoped
public class ExportGate {

    private final Semaphore permits;
    private final StatsConfig.Export settings;

    public ExportGate(StatsConfig config) {
        StatsConfig.Export settings = config.export();
        if (settings.maxConcurrent() < 1) {
            throw new IllegalArgumentException("study.stats.export.max-concurrent must be at least 1");
        }
        this.settings = settings;
        this.permits = new Semaphore(settings.maxConcurrent());
    }

    /** A permit to stream one export, to be closed when the stream ends; a 429 when all are taken. */
    public Permit enter() {
        if (!permits.tryAcquire()) {
            throw new TooManyRequestsException("At most " + settings.maxConcurrent()
                    + " exports stream at once on this server; retry in " + settings.retryAfter().toSeconds() + " s.",
                    settings.retryAfter().toSeconds());
        }
        return new Permit();
    }

    /** Returned once, however often it is closed. */
    public final class Permit implements AutoCloseable {

        private final AtomicBoolean released = new AtomicBoolean();

        private Permit() {
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
