package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;

/**
 * A question read from a bank file that passed every check.
 *
 * @param location where it starts: the spreadsheet row (header = row 1) for XLSX and CSV, the 1-based line for
 *                 GIFT and Aiken, the 1-based position in the questions array for JSON
 */
public record BankQuestion(long location, QuestionDraft draft) {
}
