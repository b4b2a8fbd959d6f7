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

class GiftReaderTest {

    @Test
    void everySupportedQuestionKindImports() {
        String gift = """
                // 七一知识竞赛题库
                $CATEGORY: $course$/top/党史

                ::Q1:: “三微一端”中的“一端”指什么？ {
                =新闻客户端 # 对，即移动新闻客户端
                ~微博
                ~微信
                ####“三微一端”指微博、微信、微视频和新闻客户端。
                }

                // [tag:四个自信] [module:3.1]
                “四个自信”包括哪些？{~%25%道路自信 ~%25%理论自信 ~%25%制度自信 ~%25%文化自信 ~%-100%民族自信}

                工会是职工自愿结合的
                工人阶级群众组织。{T#错了#对了}

                ::劳动节::[html]<p>每年的5月1日是 {=国际劳动节 =劳动节 =%0%五四} ，全国放假。</p>

                下列写法都对：1+1\\=2、a\\~b、\\{括号\\}、\\#号、8\\:30、C:\\\\ {FALSE####写法 \\#1}
                """;

        BankReadResult result = read(gift, BankFormat.GIFT);

        assertThat(clean(result)).containsExactly(
                with(single("“三微一端”中的“一端”指什么？", List.of("新闻客户端", "微博", "微信"), "A"),
                        "“三微一端”指微博、微信、微视频和新闻客户端。", null, List.of("党史")),
                with(multiple("“四个自信”包括哪些？", List.of("道路自信", "理论自信", "制度自信", "文化自信", "民族自信"),
                        List.of("A", "B", "C", "D")), null, "3.1", List.of("党史", "四个自信")),
                with(trueFalse("工会是职工自愿结合的\n工人阶级群众组织。", true), null, null, List.of("党史")),
                with(fillBlank("每年的5月1日是 ____ ，全国放假。", List.of("国际劳动节", "劳动节")), null, null, List.of("党史")),
                with(trueFalse("下列写法都对：1+1=2、a~b、{括号}、#号、8:30、C:\\", false), "写法 #1", null, List.of("党史")));
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(4L, 12L, 14L, 17L, 19L);
    }

    @Test
    void problemsAreReportedAtTheLineWhereTheirQuestionStarts() {
        String gift = """
                // 错误示例
                单选题一 {=甲 ~乙}

                单选题二 {=丙 ~丁}

                // 第三题没有正确答案
                第三题 {~甲 ~乙 ~丙}

                匹配题 {=中国 -> 北京 =日本 -> 东京}

                数值题 {#1921}

                问答题 {}

                没有答案块的说明文字

                ::未闭合的标题 题干 {=甲}

                两个答案块 {=甲} 又一个 {=乙}

                括号不配对 {=甲 ~乙

                单选两个等号 {=甲 =乙 ~丙}

                单选题一 {=甲 ~乙}
                """;

        BankReadResult result = read(gift, BankFormat.GIFT);

        assertThat(where(result)).containsExactly("7 answer", "9 type", "11 type", "13 type", "15 answer", "17 stem",
                "19 answer", "21 answer", "23 answer", "25 stem");
        assertThat(result.problems().get(0).message()).isEqualTo("no correct answer is given");
        assertThat(result.problems().get(9).message()).isEqualTo("duplicates the question at line 2");
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(2L, 4L);
    }

    @Test
    void onlyTheFirstFormatMarkerIsTakenOff() {
        String gift = "[plain][html]<b>不是格式</b> {=[html]<i>甲</i> ~乙}\n\n[html]<p>工会&amp;职工&#x554a;</p>{T}\n";

        assertThat(clean(read(gift, BankFormat.GIFT))).containsExactly(
                single("[html]<b>不是格式</b>", List.of("甲", "乙"), "A"),
                trueFalse("工会&职工啊", true));
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreAccepted() {
        String gift = "\uFEFF// 注释\r\n问题一 {T}\r\n\r\n问题二 {=甲 ~乙}\r\n";

        BankReadResult result = read(gift, BankFormat.GIFT);

        assertThat(result.problems()).isEmpty();
        assertThat(result.questions()).extracting(BankQuestion::location).containsExactly(2L, 4L);
    }

    @Test
    void moreThanTheQuestionLimitStopsReading() {
        StringBuilder gift = new StringBuilder();
        for (int i = 1; i <= BankLimits.MAX_QUESTIONS + 1; i++) {
            gift.append("第").append(i).append("题 {T}\n\n");
        }

        BankReadResult result = read(gift.toString(), BankFormat.GIFT);

        assertThat(where(result)).containsExactly("0 file");
        assertThat(result.questions()).hasSize(BankLimits.MAX_QUESTIONS);
    }
}
