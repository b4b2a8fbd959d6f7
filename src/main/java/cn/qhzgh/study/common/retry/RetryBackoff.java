package cn.qhzgh.study.common.retry;

/** How long to wait before the next try of a transaction that met a lock conflict. */
public final class RetryBackoff {

    private RetryBackoff() {
    }

    /**
     * Exponential backoff with "equal jitter": half of the window is fixed, half random, so that the transactions
     * that collided do not collide again in step, and none retries at once.
     *
     * @param retry  1 for the first retry, 2 for the second, ...
     * @param unit   a random number in [0, 1)
     * @return milliseconds in [window / 2, window), where window = min(cap, base · 2^(retry − 1))
     */
    public static long delayMillis(int retry, long baseMillis, long capMillis, double unit) {
        if (retry < 1 || baseMillis < 1 || capMillis < baseMillis || unit < 0 || unit >= 1) {
            throw new IllegalArgumentException("retry " + retry + ", base " + baseMillis + " ms, cap " + capMillis
                    + " ms, unit " + unit);
        }
        int doublings = Math.min(retry - 1, 30);
        long window = Math.min(capMillis, baseMillis << doublings);
        if (window < 0 || window > capMillis) {
            window = capMillis;
        }
        long half = window / 2;
        return half + (long) (unit * (window - half));
    }
}
