package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankFixtures.clean;
import static cn.qhzgh.study.quiz.bank.BankFixtures.fillBlank;
import static cn.qhzgh.study.quiz.bank.BankFixtures.multiple;
import static cn.qhzgh.study.quiz.bank.BankFixtures.read;
import static cn.qhzgh.study.quiz.bank.BankFixtures.single;
import static cn.qhzgh.study.quiz.bank.BankFixtures.trueFalse;
import static cn.qhzgh.study.quiz.bank.BankFixtures.where;
import static cn.qhzgh.study.quiz.bank.BankFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BankJsonTest {

    @Test
    void questionsObjectWithBothOptionShapesImports() {
        String json = """
                {"title": "七一知识竞赛", "questions": [
                  {"type": "SINGLE_CHOICE", "stem": "“三微一端”中的“一端”指什么？",
                   "options": [{"key": "A", "text": "微博"}, {"key": "B", "text": "新闻客户端"}],
                   "answer": ["B"], "explanation": "移动新闻客户端", "moduleCode": 3.1, "tags": ["新媒体"]},
                  {"type": "多选题", "stem": "“四个自信”包括哪些？", "options": ["道路自信", "理论自信", "制度自信", "文化自信"],
                   "answer": "ABCD", "module_code": "2"},
                  {"type": "TRUE_FALSE", "stem": "工会是工人阶级群众组织。", "answer": ["对"]},
                  {"type": "FILL_BLANK", "stem": "每年的5月1日是____。", "answer": ["国际劳动节", "劳动节"], "tags": "节日，五一"}
                ]}""";

        assertThat(clean(read(json, BankFormat.JSON))).containsExactly(
                with(single("“三微一端”中的“一端”指什么？", List.of("微博", "新闻客户端"), "B"), "移动新闻客户端", "3.1",
                        List.of("新媒体")),
                with(multiple("“四个自信”包括哪些？", List.of("道路自信", "理论自信", "制度自信", "文化自信"),
                        List.of("A", "B", "C", "D")), null, "2", List.of()),
                trueFalse("工会是工人阶级群众组织。", true),
                with(fillBlank("每年的5月1日是____。", List.of("国际劳动节", "劳动节")), null, null, List.of("节日", "五一")));
    }

    @Test
    void bareArrayImportsWithOneBasedLocations() {
        String json = """
                [{"type": "判断", "stem": "甲", "answer": "错"}, {"type": "判断", "stem": "乙", "answer": "F"}]""";

        BankReadResult result = read(json, BankFormat.JSON);

        assertThat(result.problems()).isEmpty();
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(1L, 2L);
    }

    @Test
    void badQuestionsAreReportedAtTheirArrayPositions() {
        String json = """
                {"questions": [
                  {"type": "SINGLE_CHOICE", "stem": "好题", "options": ["甲", "乙"], "answer": ["A"]},
                  "不是对象",
                  {"type": "ESSAY", "stem": "论述题"},
                  {"type": "SINGLE_CHOICE", "stem": {"text": "题干"}, "options": "甲乙", "answer": [["A"]]},
                  {"type": "SINGLE_CHOICE", "stem": "好题", "options": ["甲", "乙"], "answer": ["A"]}
                ]}""";

        BankReadResult result = read(json, BankFormat.JSON);

        assertThat(where(result)).containsExactly("2 question", "3 type", "4 stem", "4 options", "4 answer", "5 stem");
        assertThat(result.problems().get(5).message()).isEqualTo("duplicates the question at question 1");
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(1L);
    }

    @Test
    void malformedJsonIsOneFileProblemWithLineAndColumn() {
        String json = "{\"questions\": [\n  {\"type\": \"判断\", \"stem\": \"甲\", \"answer\": \"对\"},\n  {\"type\": \"判断\" \"stem\": 1}\n]}";

        BankReadResult result = read(json, BankFormat.JSON);

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.location()).isZero();
            assertThat(problem.field()).isEqualTo("file");
            assertThat(problem.message()).startsWith("malformed JSON at line 3, column 17: ");
        });
    }

    @Test
    void aDocumentWithoutQuestionsIsAFileProblem() {
        assertThat(where(read("{\"items\": []}", BankFormat.JSON))).containsExactly("0 file");
        assertThat(where(read("\"questions\"", BankFormat.JSON))).containsExactly("0 file");
        assertThat(read("{\"questions\": []}", BankFormat.JSON).problems())
                .containsExactly(new BankProblem(0, "file", "the file contains no questions"));
    }
}
