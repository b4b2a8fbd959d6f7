package cn.qhzgh.study.progress;

import java.time.Instant;

public record ModuleRecord(long moduleId, String code, String title, int percent, long secondsSpent, Integer bestScore,
                           boolean completed, Instant completedAt) {
}
