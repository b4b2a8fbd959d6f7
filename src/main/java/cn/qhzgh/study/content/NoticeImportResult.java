package cn.qhzgh.study.content;

import cn.qhzgh.study.quiz.GenerationReport;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What an import did; {@code questions} is absent when the text was identical and nothing was regenerated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeImportResult(boolean dryRun, boolean created, NoticeView notice, List<ModuleChange> modules,
                                 List<ImportWarning> warnings, GenerationReport questions) {
}
