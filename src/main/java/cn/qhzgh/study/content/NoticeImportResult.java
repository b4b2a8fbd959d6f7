package cn.qhzgh.study.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What an import did; {@code questions} is absent when the text was identical and nothing was regenerated. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeImportResult(
        @Schema(required = true, example = "false")
        boolean dryRun,
        @Schema(required = true, example = "true")
        boolean created,
        @Schema(required = true)
        NoticeView notice,
        @Schema(required = true)
        List<ModuleChange> modules,
        @Schema(required = true)
        List<ImportWarning> warnings,
        GenerationReport questions) {
}
