package cn.qhzgh.study.quiz.bank;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Outcome of a bank upload; {@code duplicateOf} names the earlier bank when the same file came twice. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankImportResult(
        @Schema(required = true, example = "false")
        boolean dryRun,
        @Schema(example = "3")
        Long bankId,
        @Schema(required = true, example = "西宁市总工会二十大精神题库.xlsx")
        String name,
        @Schema(required = true, example = "XLSX")
        String format,
        @Schema(required = true, example = "120")
        int questions,
        @Schema(example = "2")
        Long duplicateOf) {
}
