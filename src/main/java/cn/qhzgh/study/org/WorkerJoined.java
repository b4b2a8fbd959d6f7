package cn.qhzgh.study.org;

/** One worker was provisioned into a union by their first call; fired before that commits. */
public record WorkerJoined(long orgId) {
}
