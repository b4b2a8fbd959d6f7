package cn.qhzgh.study.common.retry;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the whole {@code @Transactional} method again, in a new transaction, when it met a deadlock or a lock-wait
 * timeout; after the last try the caller gets 503 with Retry-After. Only for idempotent writes: a rolled-back try
 * leaves nothing behind in the database, and side effects outside it must use {@link RetryScope#firstTry}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetriedOnLockConflict {
}
