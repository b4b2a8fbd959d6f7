package cn.qhzgh.study.quiz.bank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

public record BankView(
        @Schema(required = true, example = "3")
        Long id,
        @Schema(required = true, example = "西宁市总工会二十大精神题库.xlsx")
        String name,
        @Schema(required = true, example = "XLSX")
        String format,
        @Schema(required = true, example = "120")
        int questionCount,
        @Schema(required = true, example = "2022-11-20T01:30:00Z")
        Instant createdAt,
        @Schema(required = true, example = "demo-admin-qh", nullable = true)
        String createdBy) {

    static BankView of(QuestionBank bank) {
        return new BankView(bank.id, bank.name, bank.format, bank.questionCount, bank.createdAt, bank.createdBy);
    }
}
