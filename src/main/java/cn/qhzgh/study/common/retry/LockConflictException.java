package cn.qhzgh.study.common.retry;

import cn.qhzgh.study.common.DomainException;

/** A 503: every try of the transaction met a lock conflict; the request is idempotent, so a later retry is safe. */
public class LockConflictException extends DomainException {

    private final long retryAfterSeconds;

    public LockConflictException(int tries, long retryAfterSeconds, Throwable cause) {
        super(503, "unavailable", "Service Unavailable", "Too many requests changed the same figures at once ("
                + tries + " tries); nothing was recorded. Retry after " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
        initCause(cause);
    }

    @Override
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
