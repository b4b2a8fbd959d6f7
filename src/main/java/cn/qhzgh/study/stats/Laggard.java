package cn.qhzgh.study.stats;

import java.time.Instant;

/** A worker who has not completed the campaign; null times mean never started. */
public record Laggard(String externalId, String name, String orgCode, String orgName, Instant startedAt,
                      Instant lastActivityAt, long secondsSpent) {
}
