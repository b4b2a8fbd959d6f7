package cn.qhzgh.study.common.retry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How often and how patiently a transaction that met a lock conflict is tried again. */
@ConfigMapping(prefix = "study.db.lock-retry")
public interface LockRetryConfig {

    /** Further tries after the first; 0 turns retrying off. */
    @WithDefault("3")
    int retries();

    /** The backoff window of the first retry; it doubles with each further retry. */
    @WithDefault("20ms")
    Duration baseDelay();

    /** The largest backoff window. */
    @WithDefault("400ms")
    Duration maxDelay();

    /** What a client that got the 503 after the last try is told to wait. */
    @WithDefault("1")
    int retryAfterSeconds();
}
