package cn.qhzgh.study.quiz;

import java.time.Instant;

public record BankView(Long id, String name, String format, int questionCount, Instant createdAt, String createdBy) {

    static BankView of(QuestionBank bank) {
        return new BankView(bank.id, bank.name, bank.format, bank.questionCount, bank.createdAt, bank.createdBy);
    }
}
