package cn.qhzgh.study.content;

import java.util.List;

public record NoticeImportResult(boolean dryRun, boolean created, NoticeView notice, List<ModuleChange> modules,
                                 List<ImportWarning> warnings) {
}
