package cn.qhzgh.study.common.retry;

import java.util.HashSet;
import java.util.Set;

/**
 * Remembers, across the tries of one retried call, which side effects outside the database were already made,
 * so that a retry does not make them twice (a rate limiter's charge, for instance).
 */
public final class RetryScope {

    private static final ThreadLocal<Set<Object>> DONE = new ThreadLocal<>();

    private RetryScope() {
    }

    /**
     * True the first time {@code effect} is named within one retried call, false on its later tries; always true
     * outside a retried call.
     */
    public static boolean firstTry(Object effect) {
        Set<Object> done = DONE.get();
        return done == null || done.add(effect);
    }

    /** Opens the scope of one retried call on this thread; the outermost opener closes it. */
    static boolean open() {
        if (DONE.get() != null) {
            return false;
        }
        DONE.set(new HashSet<>());
        return true;
    }

    static void close() {
        DONE.remove();
    }
}
