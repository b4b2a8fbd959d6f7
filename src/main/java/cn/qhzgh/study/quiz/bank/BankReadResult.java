package cn.qhzgh.study.quiz.bank;

import java.util.List;

/**
 * What a bank file holds. Every question read either appears in {@code questions} or has at least one entry in
 * {@code problems}; a file is importable only when {@code problems} is empty.
 */
public record BankReadResult(List<BankQuestion> questions, List<BankProblem> problems) {

    public BankReadResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }
}
