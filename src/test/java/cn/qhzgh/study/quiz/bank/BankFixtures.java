package cn.qhzgh.study.quiz.bank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds bank files and canonical drafts for the bank tests. */
final class BankFixtures {

    private BankFixtures() {
    }

    static BankReadResult read(byte[] content, BankFormat format) {
        return new QuestionBankReader().read(new ByteArrayInputStream(content), format);
    }

    static BankReadResult read(String content, BankFormat format) {
        return read(content.getBytes(StandardCharsets.UTF_8), format);
    }

    static BankReadResult read(String content, Charset charset, BankFormat format) {
        return read(content.getBytes(charset), format);
    }

    /** A workbook whose first sheet holds {@code rows}, each cell a text; null rows and cells are never written. */
    static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "bank-test", "1.0");
            Worksheet sheet = workbook.newWorksheet("题库");
            for (int row = 0; row < rows.size(); row++) {
                for (int column = 0; rows.get(row) != null && column < rows.get(row).size(); column++) {
                    String value = rows.get(row).get(column);
                    if (value != null) {
                        sheet.value(row, column, value);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static QuestionDraft single(String stem, List<String> options, String answer) {
        return draft(QuestionType.SINGLE_CHOICE, stem, options, List.of(answer));
    }

    static QuestionDraft multiple(String stem, List<String> options, List<String> answer) {
        return draft(QuestionType.MULTIPLE_CHOICE, stem, options, answer);
    }

    static QuestionDraft trueFalse(String stem, boolean isTrue) {
        return draft(QuestionType.TRUE_FALSE, stem, List.of("正确", "错误"), List.of(isTrue ? "A" : "B"));
    }

    static QuestionDraft fillBlank(String stem, List<String> accepted) {
        return draft(QuestionType.FILL_BLANK, stem, List.of(), accepted);
    }

    static QuestionDraft draft(QuestionType type, String stem, List<String> options, List<String> answer) {
        return new QuestionDraft(type, stem, options(options), answer, null, null, null, List.of());
    }

    static QuestionDraft with(QuestionDraft draft, String explanation, String moduleCode, List<String> tags) {
        return new QuestionDraft(draft.type(), draft.stem(), draft.options(), draft.answer(), explanation, moduleCode,
                draft.keyPhrase(), tags);
    }

    static List<QuestionOption> options(List<String> texts) {
        return IntStream.range(0, texts.size())
                .mapToObj(i -> new QuestionOption(String.valueOf((char) ('A' + i)), texts.get(i)))
                .toList();
    }

    static List<QuestionDraft> drafts(BankReadResult result) {
        return result.questions().stream().map(BankQuestion::draft).toList();
    }

    /** Asserts the file imported without problems and returns its drafts. */
    static List<QuestionDraft> clean(BankReadResult result) {
        assertThat(result.problems()).isEmpty();
        return drafts(result);
    }

    /** The problems as "location field" strings, for compact assertions on where problems are reported. */
    static List<String> where(BankReadResult result) {
        List<String> places = new ArrayList<>();
        result.problems().forEach(problem -> places.add(problem.location() + " " + problem.field()));
        return places;
    }
}
