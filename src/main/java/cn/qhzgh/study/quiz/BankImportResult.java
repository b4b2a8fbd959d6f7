package cn.qhzgh.study.quiz;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Outcome of a bank upload; {@code duplicateOf} names the earlier bank when the same file came twice. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BankImportResult(boolean dryRun, Long bankId, String name, String format, int questions,
                               Long duplicateOf) {
}
