package cn.qhzgh.study.admission;

/**
 * How many requests may be in flight so that the I/O threads stay prompt: a refusal is answered only when an I/O
 * thread gets a core, so when they run late while the pod is full, admitting fewer gives them the cores back.
 *
 * @param min         the cap never goes below this
 * @param max         nor above this (the limit's own maximum)
 * @param targetNanos the lateness of the I/O threads above which the cap shrinks
 */
public record LagCapRule(int min, int max, long targetNanos) {

    public LagCapRule {
        if (min < 1 || max < min || targetNanos <= 0) {
            throw new IllegalArgumentException("need 1 <= min <= max and a positive target: " + min + ", " + max
                    + ", " + targetNanos);
        }
    }

    /**
     * The cap for the next window. It shrinks by a quarter when the I/O threads ran later than the target while
     * the pod was full (requests other than statistics refused), grows by one when they ran within half the target,
     * and stays otherwise. Lateness while the pod had room is left alone: a smaller cap would not have changed it.
     */
    public int next(int cap, long worstLagNanos, boolean podWasFull) {
        if (worstLagNanos > targetNanos && podWasFull) {
            return Math.max(min, Math.min(cap - 1, cap * 3 / 4));
        }
        if (worstLagNanos <= targetNanos / 2) {
            return Math.min(max, cap + 1);
        }
        return Math.max(min, Math.min(max, cap));
    }
}
