package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankFixtures.read;
import static cn.qhzgh.study.quiz.bank.BankFixtures.where;
import static cn.qhzgh.study.quiz.bank.BankFixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BankReaderTest {

    @Test
    void formatComesFromTheFileNameOrAParameter() {
        assertThat(BankFormat.fromFileName("题库.XLSX")).contains(BankFormat.XLSX);
        assertThat(BankFormat.fromFileName(" bank.csv ")).contains(BankFormat.CSV);
        assertThat(BankFormat.fromFileName("bank.json")).contains(BankFormat.JSON);
        assertThat(BankFormat.fromFileName("moodle.gift")).contains(BankFormat.GIFT);
        assertThat(BankFormat.fromFileName("questions.aiken")).contains(BankFormat.AIKEN);
        assertThat(BankFormat.fromFileName("moodle.txt")).isEmpty();
        assertThat(BankFormat.fromFileName("gift")).isEmpty();
        assertThat(BankFormat.fromFileName(null)).isEmpty();
        assertThat(BankFormat.fromParameter("Gift")).contains(BankFormat.GIFT);
        assertThat(BankFormat.fromParameter("aiken ")).contains(BankFormat.AIKEN);
        assertThat(BankFormat.fromParameter("xls")).isEqualTo(Optional.empty());
        assertThat(BankFormat.fromParameter(null)).isEmpty();
    }

    @Test
    void workbookProblemsKeepTheRowNumbersExcelShows() {
        byte[] file = xlsx(Arrays.asList(
                List.of("题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案"),
                List.of("单选", "好题", "甲", "乙", "", "", "A"),
                null,
                List.of("", "", "", "", "", "", ""),
                List.of("多选", "没有答案", "甲", "乙", "", "", ""),
                List.of("判断", "布尔答案", "", "", "", "", "TRUE")));

        BankReadResult result = read(file, BankFormat.XLSX);

        assertThat(where(result)).containsExactly("5 answer");
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(2L, 6L);
    }

    @Test
    void anEndlessUploadIsCutOffAtTheSizeLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };

        BankReadResult result = new QuestionBankReader().read(endless, BankFormat.GIFT);

        assertThat(result.problems()).containsExactly(new BankProblem(0, "file",
                "the file is larger than 10 MB; split it into several files"));
    }

    @Test
    void onlyFailingInputThrows() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> new QuestionBankReader().read(broken, BankFormat.CSV))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(where(read(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2}, BankFormat.XLSX))).containsExactly("0 file");
        assertThat(where(read("\u0000\u0001", BankFormat.JSON))).containsExactly("0 file");
    }
}
