package cn.qhzgh.study.content;

import cn.qhzgh.study.quiz.GenerationReport;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an import did; {@code questions} is absent when the text was identical and nothing was regenerated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeImportResult(
        @Schema(example = "false")
        boolean dryRun,
        @Schema(example = "true")
        boolean created,
        NoticeView notice,
        List<ModuleChange> modules,
        List<ImportWarning> warnings,
        GenerationReport questions) {
}
