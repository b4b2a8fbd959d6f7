package cn.qhzgh.study.quiz.bank;

import static cn.qhzgh.study.quiz.bank.BankFixtures.clean;
import static cn.qhzgh.study.quiz.bank.BankFixtures.read;
import static cn.qhzgh.study.quiz.bank.BankFixtures.single;
import static cn.qhzgh.study.quiz.bank.BankFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AikenReaderTest {

    @Test
    void goodFileImportsAsSingleChoiceQuestions() {
        String aiken = """
                “三微一端”中的“一端”指什么？
                A. 微博
                B. 微信
                C. 新闻客户端
                ANSWER: C

                中华全国总工会
                成立于哪一年？
                A) 1921年
                B) 1925年
                ANSWER: b
                工会的基本职责是什么？
                A．维护职工合法权益
                B、组织文艺演出
                答案：A
                """;

        BankReadResult result = read(aiken, BankFormat.AIKEN);

        assertThat(clean(result)).containsExactly(
                single("“三微一端”中的“一端”指什么？", List.of("微博", "微信", "新闻客户端"), "C"),
                single("中华全国总工会\n成立于哪一年？", List.of("1921年", "1925年"), "B"),
                single("工会的基本职责是什么？", List.of("维护职工合法权益", "组织文艺演出"), "A"));
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(1L, 7L, 12L);
    }

    @Test
    void gbkFileIsDecoded() {
        String aiken = "青海省总工会位于哪座城市？\nA. 西宁\nB. 格尔木\nANSWER: A\n";

        BankReadResult result = read(aiken, Charset.forName("GBK"), BankFormat.AIKEN);

        assertThat(clean(result)).containsExactly(single("青海省总工会位于哪座城市？", List.of("西宁", "格尔木"), "A"));
    }

    @Test
    void problemsAreReportedAtTheQuestionsFirstLine() {
        String aiken = """
                好题
                A. 甲
                B. 乙
                ANSWER: A

                没有答案行
                A. 甲
                B. 乙

                答案不存在
                A. 甲
                B. 乙
                ANSWER: D

                多个答案
                A. 甲
                B. 乙
                ANSWER: A,B

                选项之后多了一行
                A. 甲
                这行不是选项
                B. 乙
                ANSWER: A

                字母跳号
                A. 甲
                C. 乙
                ANSWER: A
                A. 只有选项没有题干
                B. 乙
                ANSWER: B
                """;

        BankReadResult result = read(aiken, BankFormat.AIKEN);

        assertThat(where(result)).containsExactly("6 answer", "10 answer", "15 answer", "20 options", "26 options",
                "30 stem");
        assertThat(result.problems().get(3).message())
                .isEqualTo("line 22 is neither an option such as 'C. …' nor the 'ANSWER: …' line");
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(1L);
    }

    @Test
    void duplicatesNameTheEarlierLine() {
        String aiken = "题一\nA. 甲\nB. 乙\nANSWER: A\n\n题一\nA. 乙\nB. 甲\nANSWER: A\n";

        assertThat(read(aiken, BankFormat.AIKEN).problems())
                .containsExactly(new BankProblem(6, "stem", "duplicates the question at line 1"));
    }
}
