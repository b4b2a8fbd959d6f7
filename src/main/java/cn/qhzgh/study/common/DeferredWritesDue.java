package cn.qhzgh.study.common;

/**
 * Fired by a service once its transaction has written its records and fired every event about them: observers that
 * held back writes to rows other transactions share (stats' union counters) write them now, in one lock order. It is
 * observed synchronously, inside the transaction, so a failure there fails the transaction like any other write.
 */
public record DeferredWritesDue() {
}
