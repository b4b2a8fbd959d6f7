package cn.qhzgh.study.progress;

import java.time.Instant;

/**
 * A completion that just happened, fired synchronously inside the transaction that caused it: a module's (which
 * counts in every campaign studying it, so {@code campaignId} is null) or a campaign's ({@code moduleId} null).
 */
public record CompletionChanged(Kind kind, long workerId, long orgId, Long campaignId, Long moduleId, Instant at) {

    public enum Kind { MODULE_COMPLETED, CAMPAIGN_COMPLETED }
}
