package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;

/**
 * Exports questions in the formats {@link QuestionBankReader} reads back unchanged, and writes the upload template.
 * Expects valid questions, such as stored ones; leaves the stream open.
 */
public final class QuestionBankWriter {

    private static final String APPLICATION = "study-service";
    private static final String APPLICATION_VERSION = "1.0";

    /** One sheet 题库 with the columns of {@link BankColumns#ALL}; types written as SINGLE_CHOICE etc. */
    public void writeXlsx(List<QuestionDraft> questions, OutputStream out) {
        workbook(out, workbook -> BankSheet.write(workbook.newWorksheet("题库"), questions, QuestionType::name));
    }

    /** Moodle GIFT in UTF-8; module code and tags travel in a comment line Moodle also understands. */
    public void writeGift(List<QuestionDraft> questions, OutputStream out) {
        GiftBankWriter.write(questions, out);
    }

    /** The template admins fill in: one example per question type and a 说明 sheet; it imports as it is. */
    public void writeTemplateXlsx(OutputStream out) {
        workbook(out, BankTemplate::write);
    }

    private static void workbook(OutputStream out, Consumer<Workbook> content) {
        try {
            Workbook workbook = new Workbook(out, APPLICATION, APPLICATION_VERSION);
            content.accept(workbook);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
