package cn.qhzgh.study.progress;

import java.time.Instant;
import java.util.List;

/** A worker's completion record for the campaign notice. */
public record RecordsView(String externalId, long noticeId, String docNumber, List<ModuleRecord> modules,
                          int completedModules, int totalModules, boolean campaignCompleted,
                          Instant campaignCompletedAt) {
}
