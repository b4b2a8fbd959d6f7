package cn.qhzgh.study.common;

import org.hibernate.exception.ConstraintViolationException;

import java.util.function.Supplier;

/** Recognises a unique key that another transaction filled first, however deep the ORM and driver wrapped it. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean hitBy(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs an idempotent import (a transactional call through its bean) once more when a simultaneous one inserted the
     * same new key first: the second pass finds that row and reports what this request changes, instead of a 500.
     */
    public static <T> T retriedOnce(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!hitBy(e)) {
                throw e;
            }
            return work.get();
        }
    }
}
