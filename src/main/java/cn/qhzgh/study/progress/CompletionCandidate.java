package cn.qhzgh.study.progress;

import java.time.Instant;

/** A module a batch left at 100 % without a completion yet; {@code lastActivity} dates the completion. */
record CompletionCandidate(long moduleId, long noticeId, String moduleCode, Instant lastActivity) {
}
