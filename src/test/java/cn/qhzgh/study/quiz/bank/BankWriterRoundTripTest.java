package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankFixtures.clean;
import static cn.qhzgh.study.quiz.bank.BankFixtures.fillBlank;
import static cn.qhzgh.study.quiz.bank.BankFixtures.multiple;
import static cn.qhzgh.study.quiz.bank.BankFixtures.read;
import static cn.qhzgh.study.quiz.bank.BankFixtures.single;
import static cn.qhzgh.study.quiz.bank.BankFixtures.trueFalse;
import static cn.qhzgh.study.quiz.bank.BankFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class BankWriterRoundTripTest {

    private static final String SPECIALS = "~ = # { } : \\ ####";

    /** Canonical drafts, as the reader returns them, covering every type and the characters GIFT must escape. */
    private static final List<QuestionDraft> VARIED = List.of(
            with(single("下列哪项正确？特殊字符：" + SPECIALS,
                    List.of("a~b", "c=d", "#号", "{括号}", "时间 8:30", "%50%开头", "反斜杠\\结尾\\"), "C"),
                    "解析含 #### 和 { }\n第二行", "3.1", List.of("党史", "符号]测试")),
            with(multiple("“四个自信”包括哪些？（选三项）", List.of("道路自信", "民族自信", "理论自信", "甲", "乙", "丙", "丁",
                    "制度自信"), List.of("A", "C", "H")), null, "0", List.of()),
            multiple("只有一个正确答案的多选题", List.of("对的", "错的"), List.of("A")),
            multiple("两个正确答案的多选题", List.of("对的一", "错的", "对的二"), List.of("A", "C")),
            with(trueFalse("工会是中国共产党领导的职工自愿结合的工人阶级群众组织。", true), "见《工会法》第二条。", null,
                    List.of("工会法")),
            trueFalse("判断题：1+1=3 {错} #", false),
            with(fillBlank("中国共产党成立于____", List.of("1921", "一九二一", "x=y", "T", "%100%")), "填空 #1", "12.3",
                    List.of("党史", "建党")),
            fillBlank("每年的5月1日是____，全国放假。", List.of("国际劳动节")),
            single("[html]不是格式标记", List.of("[plain]也不是", "//也不是注释"), "B"),
            fillBlank("//开头的题干\n第二行", List.of("答案")),
            with(single("$CATEGORY: 不是分类", List.of("甲", "乙"), "A"), null, "2.10", List.of("a", "b", "c", "d", "e",
                    "f", "g", "h", "i", "j")));

    @Test
    void xlsxExportReadsBackUnchanged() {
        byte[] xlsx = write(new QuestionBankWriter()::writeXlsx, VARIED);

        assertThat(clean(read(xlsx, BankFormat.XLSX))).containsExactlyElementsOf(VARIED);
    }

    @Test
    void xlsxExportHasOneHeaderRowOfEnglishColumnNames() throws IOException {
        byte[] xlsx = write(new QuestionBankWriter()::writeXlsx, VARIED);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(1 + VARIED.size());
            assertThat(rows.get(0).stream().map(Cell::getText).toList()).containsExactlyElementsOf(BankColumns.ALL);
        }
    }

    @Test
    void giftExportReadsBackUnchanged() {
        byte[] gift = write(new QuestionBankWriter()::writeGift, VARIED);

        assertThat(clean(read(gift, BankFormat.GIFT))).containsExactlyElementsOf(VARIED);
    }

    @Test
    void giftExportWritesMoodleSyntax() {
        List<QuestionDraft> questions = List.of(
                with(multiple("三选二", List.of("甲", "乙", "丙"), List.of("A", "C")), "解析", "3.1", List.of("党史")),
                multiple("三选三", List.of("甲", "乙", "丙"), List.of("A", "B", "C")),
                trueFalse("对吗", false));

        String gift = new String(write(new QuestionBankWriter()::writeGift, questions), StandardCharsets.UTF_8);

        assertThat(gift).isEqualTo("""
                // [module:3.1] [tag:党史]
                三选二 {
                ~%50%甲
                ~%-100%乙
                ~%50%丙
                ####解析
                }

                三选三 {
                ~%33.33333%甲
                ~%33.33333%乙
                ~%33.33333%丙
                }

                对吗 {
                F
                }

                """);
    }

    @Test
    void templateImportsCleanlyWithOneExamplePerType() {
        byte[] template = write((ignored, out) -> new QuestionBankWriter().writeTemplateXlsx(out), List.of());

        List<QuestionDraft> examples = clean(read(template, BankFormat.XLSX));

        assertThat(examples).containsExactlyElementsOf(BankTemplate.EXAMPLES);
        assertThat(examples).extracting(QuestionDraft::type).containsExactly(QuestionType.SINGLE_CHOICE,
                QuestionType.MULTIPLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.FILL_BLANK);
        assertThat(examples.get(3).answer()).hasSize(2);
    }

    @Test
    void templateExplainsEveryColumnOnASecondSheet() throws IOException {
        byte[] template = write((ignored, out) -> new QuestionBankWriter().writeTemplateXlsx(out), List.of());

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("题库", "说明");
            String instructions = String.join("\n", sheets.get(1).read().stream()
                    .flatMap(Row::stream).map(Cell::getText).toList());
            assertThat(instructions).contains("type", "题型", "stem", "题干", "option_a", "选项A", "option_h", "answer",
                    "答案", "explanation", "解析", "module_code", "模块", "tags", "标签", "5000");
            List<Row> exampleRows = sheets.get(0).read();
            assertThat(exampleRows.get(1).getCell(0).getText()).isEqualTo("单选题");
        }
    }

    private static byte[] write(BiConsumer<List<QuestionDraft>, ByteArrayOutputStream> writer, List<QuestionDraft> questions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(questions, out);
        return out.toByteArray();
    }
}
