package cn.qhzgh.study.org;

public record OrgImportResult(boolean dryRun, int rows, int created, int updated, int unchanged) {
}
