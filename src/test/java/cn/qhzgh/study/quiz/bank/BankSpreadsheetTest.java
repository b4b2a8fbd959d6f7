package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankFixtures.clean;
import static cn.qhzgh.study.quiz.bank.BankFixtures.drafts;
import static cn.qhzgh.study.quiz.bank.BankFixtures.fillBlank;
import static cn.qhzgh.study.quiz.bank.BankFixtures.multiple;
import static cn.qhzgh.study.quiz.bank.BankFixtures.read;
import static cn.qhzgh.study.quiz.bank.BankFixtures.single;
import static cn.qhzgh.study.quiz.bank.BankFixtures.trueFalse;
import static cn.qhzgh.study.quiz.bank.BankFixtures.where;
import static cn.qhzgh.study.quiz.bank.BankFixtures.with;
import static cn.qhzgh.study.quiz.bank.BankFixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BankSpreadsheetTest {

    private static final List<String> HEADER = List.of("type", "stem", "option_a", "option_b", "option_c", "option_d",
            "option_e", "option_f", "option_g", "option_h", "answer", "explanation", "module_code", "tags");

    @Test
    void goodWorkbookImportsEveryTypeWithTheWaysAdminsWriteAnswers() {
        byte[] file = xlsx(List.of(HEADER,
                row("单选题", "“三微一端”中的“一端”指什么？", "微博", "微信", "微视频", "新闻客户端", "", "", "", "", "d",
                        "移动新闻客户端", "3.1", "新媒体，宣传"),
                row("MULTIPLE_CHOICE", "“四个自信”包括哪些？", "道路自信", "理论自信", "制度自信", "文化自信", "", "", "", "",
                        "A、B、C、D", "", "", "四个自信;理论"),
                row("判断", "工会是职工自愿结合的工人阶级群众组织。", "", "", "", "", "", "", "", "", "对", "", "0", ""),
                row("填空题", "每年的5月1日是____。", "", "", "", "", "", "", "", "", "国际劳动节 | 劳动节；五一", "", "", "")));

        List<cn.qhzgh.study.quiz.question.QuestionDraft> drafts = clean(read(file, BankFormat.XLSX));

        assertThat(drafts).containsExactly(
                with(single("“三微一端”中的“一端”指什么？", List.of("微博", "微信", "微视频", "新闻客户端"), "D"),
                        "移动新闻客户端", "3.1", List.of("新媒体", "宣传")),
                with(multiple("“四个自信”包括哪些？", List.of("道路自信", "理论自信", "制度自信", "文化自信"),
                        List.of("A", "B", "C", "D")), null, null, List.of("四个自信", "理论")),
                with(trueFalse("工会是职工自愿结合的工人阶级群众组织。", true), null, "0", List.of()),
                fillBlank("每年的5月1日是____。", List.of("国际劳动节", "劳动节", "五一")));
        assertThat(read(file, BankFormat.XLSX).questions()).extracting(BankQuestion::location).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void csvWithChineseHeadersOnlyTheFourOptionColumnsAndABomImports() {
        String csv = "\uFEFF题型,题干,选项A,选项B,选项C,选项D,答案\n"
                + "单选,\"党的二十大于哪一年召开？\",2021年,2022年,2023年,,B\n"
                + "多选,\"以下哪些是工会的基本职责？\",维护职工合法权益,竭诚服务职工群众,组织职工参与民主管理,,\"A,B,C\"\n";

        assertThat(clean(read(csv, BankFormat.CSV))).containsExactly(
                single("党的二十大于哪一年召开？", List.of("2021年", "2022年", "2023年"), "B"),
                multiple("以下哪些是工会的基本职责？", List.of("维护职工合法权益", "竭诚服务职工群众", "组织职工参与民主管理"),
                        List.of("A", "B", "C")));
    }

    @Test
    void gbkCsvWithChineseContentImports() {
        String csv = String.join(",", HEADER) + "\r\n"
                + "判断题,青海省总工会组织开展职工学习活动。,,,,,,,,,正确,学习强国,,工会\r\n"
                + "填空题,中华全国总工会成立于____年。,,,,,,,,,1925|一九二五,,,\r\n";

        BankReadResult result = read(csv, Charset.forName("GBK"), BankFormat.CSV);

        assertThat(clean(result)).containsExactly(
                with(trueFalse("青海省总工会组织开展职工学习活动。", true), "学习强国", null, List.of("工会")),
                fillBlank("中华全国总工会成立于____年。", List.of("1925", "一九二五")));
    }

    @Test
    void badRowsAreReportedAtTheirSpreadsheetRowsAndFields() {
        String csv = String.join(",", HEADER) + "\n"
                + "单选,好题,甲,乙,,,,,,,A,,,\n"
                + "问答,不认识的题型,甲,乙,,,,,,,A,,,\n"
                + "\n"
                + "单选,,甲,,丙,,,,,,AC,,,\n"
                + "多选,选项重复,甲,甲 ,,,,,,,AE,,第3章,\n"
                + "判断,判断题答案不对,,,,,,,,,也许,,,\n"
                + "填空,填空题不该有选项,甲,,,,,,,,,,,\n";

        BankReadResult result = read(csv, StandardCharsets.UTF_8, BankFormat.CSV);

        assertThat(where(result)).containsExactly(
                "3 type",
                "5 stem", "5 option_b", "5 answer",
                "6 option_b", "6 answer", "6 module_code",
                "7 answer",
                "8 options", "8 answer");
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(2L);
        assertThat(result.problems().get(0).message()).contains("'问答'");
        assertThat(result.problems().get(5).message()).isEqualTo("names option E, which the question does not have");
    }

    @Test
    void missingRequiredColumnsAreReportedOnceAtTheHeader() {
        String csv = "type,stem,option_a,option_b,answer,tags\n单选,题,甲,乙,A,\n";

        BankReadResult result = read(csv, BankFormat.CSV);

        assertThat(where(result)).containsExactly("1 option_c", "1 option_d");
        assertThat(result.questions()).isEmpty();
    }

    @Test
    void anOptionalColumnGivenTwiceIsReportedNotIgnored() {
        String csv = "type,stem,option_a,option_b,option_c,option_d,answer,tags,标签\n单选,题,甲,乙,,,A,x,y\n";

        assertThat(where(read(csv, BankFormat.CSV))).containsExactly("1 tags");
    }

    @Test
    void duplicatesInsideTheFileNameTheEarlierRow() {
        String csv = String.join(",", HEADER) + "\n"
                + "单选,工会的性质是什么？,甲,乙,丙,,,,,,A,,,\n"
                + "填空,劳动节是____。,,,,,,,,,五一,,,\n"
                + "单选,工会的性质是什么？ ,丙,甲,\"“乙”\",,,,,,B,,,\n"
                + "多选,工会的性质是什么？,甲,乙,丙,,,,,,A,,,\n"
                + "填空,劳动节是____ 。,,,,,,,,,5月1日,,,\n";

        BankReadResult result = read(csv, BankFormat.CSV);

        assertThat(result.problems()).containsExactly(
                new BankProblem(4, "stem", "duplicates the question at row 2"),
                new BankProblem(6, "stem", "duplicates the question at row 3"));
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(2L, 3L, 5L);
    }

    @Test
    void moreThanTheQuestionLimitIsOneFileProblemAndReadingStops() {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (int i = 1; i <= BankLimits.MAX_QUESTIONS + 500; i++) {
            csv.append("填空,第").append(i).append("题____,,,,,,,,,答").append(i).append(",,,\n");
        }

        BankReadResult result = read(csv.toString(), BankFormat.CSV);

        assertThat(result.problems()).containsExactly(new BankProblem(0, "file",
                "the file has more than 5000 questions; split it into several files"));
        assertThat(result.questions()).hasSize(BankLimits.MAX_QUESTIONS);
    }

    @Test
    void exactlyTheQuestionLimitImports() {
        List<List<String>> rows = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= BankLimits.MAX_QUESTIONS; i++) {
            rows.add(row("判断", "第" + i + "题", "", "", "", "", "", "", "", "", "错", "", "", ""));
        }

        assertThat(clean(read(xlsx(rows), BankFormat.XLSX))).hasSize(BankLimits.MAX_QUESTIONS);
    }

    @Test
    void aHeaderWithoutQuestionsAndAFileThatIsNotAWorkbookAreProblems() {
        assertThat(read(String.join(",", HEADER), BankFormat.CSV).problems())
                .containsExactly(new BankProblem(0, "file", "the file contains no questions"));
        assertThat(where(read("type,stem\n", BankFormat.XLSX))).containsExactly("0 file");
        assertThat(drafts(read(new byte[0], BankFormat.CSV))).isEmpty();
        assertThat(where(read(new byte[0], BankFormat.CSV))).containsExactly("0 file");
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }
}
