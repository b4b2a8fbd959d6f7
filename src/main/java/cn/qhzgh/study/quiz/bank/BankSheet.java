package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Worksheet;

/** Writes questions as rows in the spreadsheet layout {@link TabularBankReader} reads back. */
final class BankSheet {

    private static final int TYPE = BankColumns.ALL.indexOf(BankColumns.TYPE);
    private static final int STEM = BankColumns.ALL.indexOf(BankColumns.STEM);
    private static final int FIRST_OPTION = BankColumns.ALL.indexOf(BankColumns.OPTIONS.get(0));
    private static final int ANSWER = BankColumns.ALL.indexOf(BankColumns.ANSWER);
    private static final int EXPLANATION = BankColumns.ALL.indexOf(BankColumns.EXPLANATION);
    private static final int MODULE_CODE = BankColumns.ALL.indexOf(BankColumns.MODULE_CODE);
    private static final int TAGS = BankColumns.ALL.indexOf(BankColumns.TAGS);
    private static final double STEM_WIDTH = 48;
    private static final double OPTION_WIDTH = 18;

    private BankSheet() {
    }

    /** A header row of English column names, which no spreadsheet locale changes, then one row per question. */
    static void write(Worksheet sheet, List<QuestionDraft> questions, Function<QuestionType, String> typeLabel) {
        for (int column = 0; column < BankColumns.ALL.size(); column++) {
            sheet.value(0, column, BankColumns.ALL.get(column));
            sheet.style(0, column).bold().set();
        }
        sheet.width(STEM, STEM_WIDTH);
        for (int option = 0; option < BankColumns.OPTIONS.size(); option++) {
            sheet.width(FIRST_OPTION + option, OPTION_WIDTH);
        }
        sheet.width(EXPLANATION, STEM_WIDTH);
        sheet.freezePane(0, 1);
        int row = 1;
        for (QuestionDraft question : questions) {
            writeRow(sheet, row++, question, typeLabel);
        }
    }

    private static void writeRow(Worksheet sheet, int row, QuestionDraft question,
                                 Function<QuestionType, String> typeLabel) {
        if (question.options().size() > BankColumns.OPTIONS.size()) {
            throw new IllegalArgumentException("a question has " + question.options().size() + " options; the sheet has "
                    + BankColumns.OPTIONS.size() + " option columns");
        }
        sheet.value(row, TYPE, typeLabel.apply(question.type()));
        sheet.value(row, STEM, question.stem());
        if (question.type() != QuestionType.TRUE_FALSE) {
            List<QuestionOption> options = question.options();
            for (int i = 0; i < options.size(); i++) {
                sheet.value(row, FIRST_OPTION + i, options.get(i).text());
            }
        }
        sheet.value(row, ANSWER, answer(question));
        if (question.explanation() != null) {
            sheet.value(row, EXPLANATION, question.explanation());
        }
        if (question.moduleCode() != null) {
            sheet.value(row, MODULE_CODE, question.moduleCode());
        }
        if (!question.tags().isEmpty()) {
            sheet.value(row, TAGS, String.join("，", question.tags()));
        }
    }

    /** Option letters run together (ACD), true/false in words, accepted texts separated by |. */
    private static String answer(QuestionDraft question) {
        return switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join("", question.answer());
            case TRUE_FALSE -> question.answer().contains(BankSyntax.TRUE_KEY) ? BankSyntax.TRUE_TEXT : BankSyntax.FALSE_TEXT;
            case FILL_BLANK -> String.join("|", question.answer());
        };
    }
}
