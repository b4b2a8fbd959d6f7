package cn.qhzgh.study.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How many report exports stream at once on one pod, and when a refused client should try again. */
@ConfigMapping(prefix = "study.stats.export")
public interface ExportSettings {

    /** Each export holds a database connection and a worker thread for the whole download. */
    @WithDefault("2")
    int maxConcurrent();

    /** Sent as Retry-After with the 429; about as long as a large export takes. */
    @WithDefault("30S")
    Duration retryAfter();
}
