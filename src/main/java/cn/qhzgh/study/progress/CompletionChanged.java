package cn.qhzgh.study.progress;

import java.time.Instant;

/**
 * A completion that just happened, fired synchronously inside the transaction that caused it.
 * {@code moduleId} is null for a campaign completion.
 */
public record CompletionChanged(Kind kind, long workerId, long orgId, long noticeId, Long moduleId, Instant at) {

    public enum Kind { MODULE_COMPLETED, CAMPAIGN_COMPLETED }
}
