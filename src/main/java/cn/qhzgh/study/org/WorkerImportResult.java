package cn.qhzgh.study.org;

public record WorkerImportResult(boolean dryRun, long rows, long created, long updated, long unchanged) {
}
