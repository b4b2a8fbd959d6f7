package cn.qhzgh.study.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four GB/T 9704-2012 numbering levels, module rules, splitting, optional metadata and layout debris. */
class NoticeParserLevelsTest {

    private final NoticeParser parser = new NoticeParser();

    @Test
    void readsAllFourLevelsInFullAndHalfWidthAndMakesModulesOfSubsectionsOrItems() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                关于示例工作的通知

                各单位：

                **一、总体要求**

                （一）第一项。正文一。

                1．第一小项。正文。

                （1）细项。正文。

                (二)第二项。正文二。

                ## 二、工作安排

                1.坚决做到“两个维护”。要自觉对标对表。

                ２．第二条。正文。

                三、保障措施

                (1)细项一。正文。

                （2）细项二。正文。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        ParsedModule::paragraphs)
                .containsExactly(
                        tuple("1", null, "总体要求", List.of()),
                        tuple("1.1", "1", "第一项", List.of("（一）第一项。正文一。", "1．第一小项。正文。", "（1）细项。正文。")),
                        tuple("1.2", "1", "第二项", List.of("(二)第二项。正文二。")),
                        tuple("2", null, "工作安排", List.of()),
                        tuple("2.1", "2", "坚决做到“两个维护”", List.of("1.坚决做到“两个维护”。要自觉对标对表。")),
                        tuple("2.2", "2", "第二条", List.of("２．第二条。正文。")),
                        tuple("3", null, "保障措施", List.of("(1)细项一。正文。", "（2）细项二。正文。")));
        assertThat(notice.warnings()).isEmpty();
    }

    @Test
    void aDocumentWithoutSectionHeadingsIsStructuredByItsHighestLevel() {
        ParsedNotice notice = parser.parse("""
                关于示例工作的通知

                各单位：

                现通知如下。

                （一）提高认识

                第一项正文。

                1．细则。正文。

                （二）抓好落实

                第二项正文。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::title, ParsedModule::paragraphs)
                .containsExactly(
                        tuple("0", "前言", List.of("现通知如下。")),
                        tuple("1", "提高认识", List.of("（一）提高认识", "第一项正文。")),
                        tuple("1.1", "细则", List.of("1．细则。正文。")),
                        tuple("2", "抓好落实", List.of("（二）抓好落实", "第二项正文。")));
        assertThat(notice.metadata().docNumber()).isNull();
        assertThat(notice.metadata().title()).isEqualTo("关于示例工作的通知");
    }

    @Test
    void splitsALongModuleAtItsNextLevelUnderOneParent() {
        String item = "正文很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。";
        ParsedNotice notice = new NoticeParser(120).parse("""
                关于示例工作的通知

                一、总体要求

                1．第一项。导语。

                （1）甲。%s

                （2）乙。%s

                （3）丙。%s

                2．第二项。短。
                """.formatted(item, item, item));

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        m -> m.paragraphs().size())
                .containsExactly(
                        tuple("1", null, "总体要求", 0),
                        tuple("1.1", "1", "第一项", 1),
                        tuple("1.1.1", "1.1", "甲", 1),
                        tuple("1.1.2", "1.1", "乙", 1),
                        tuple("1.1.3", "1.1", "丙", 1),
                        tuple("1.2", "1", "第二项", 1));
        assertThat(notice.findModule("1.1").orElseThrow().paragraphs()).containsExactly("1．第一项。导语。");
        assertThat(notice.warnings()).extracting(ImportWarning::kind).containsExactly(ImportWarning.MODULE_SPLIT);
    }

    @Test
    void titlesOfItemsEndingInASemicolonOrAColonLeaveTheMarkOut() {
        String condition = "依照章程开展活动并按规定参加年检，财务管理规范，内部管理完善，能够开展正常业务活动";
        ParsedNotice notice = new NoticeParser(60).parse("""
                关于示例工作的通知

                一、总体要求

                （一）符合下列要求的予以保留。

                1.%s；

                2.法人还应具备：

                （1）有专职工作人员；（2）有固定的办公住所。
                """.formatted(condition));

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::title, ParsedModule::paragraphs)
                .containsExactly(
                        tuple("1", "总体要求", List.of()),
                        tuple("1.1", "符合下列要求的予以保留", List.of("（一）符合下列要求的予以保留。")),
                        tuple("1.1.1", condition, List.of("1." + condition + "；")),
                        tuple("1.1.2", "法人还应具备", List.of("2.法人还应具备：", "（1）有专职工作人员；（2）有固定的办公住所。")));
    }

    @Test
    void splitsALongModuleWithoutNumberingAtParagraphBoundaries() {
        String paragraph = "这一段正文有足够的长度，用来测试按段落拆分过长的模块，拆分后每一部分都不超过上限。";
        ParsedNotice notice = new NoticeParser(100).parse("""
                关于示例工作的通知

                一、总体要求

                %s

                %s

                %s
                """.formatted(paragraph, paragraph, paragraph));

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        m -> m.paragraphs().size())
                .containsExactly(
                        tuple("1", null, "总体要求", 0),
                        tuple("1.1", "1", "总体要求（1/2）", 2),
                        tuple("1.2", "1", "总体要求（2/2）", 1));
    }

    @Test
    void readsSignerAndChineseNumeralDateFromTheSignatureBlock() {
        ParsedNotice notice = parser.parse("""
                示例总工会文件

                关于示例工作的通知

                各单位：

                一、总体要求

                正文。

                示例总工会

                二〇二二年十一月十五日

                （此件公开发布）
                """);

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata(null, "示例总工会", "关于示例工作的通知",
                LocalDate.of(2022, 11, 15), "各单位", null, null, "示例总工会 二〇二二年十一月十五日"));
        assertThat(notice.findModule("1").orElseThrow().paragraphs()).containsExactly("正文。");
    }

    @Test
    void dropsRunningHeadersAndPageNumbersKeepsTablesAsRowsAndFootnotesAfterTheirParagraph() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                关于示例工作的通知

                一、总体要求

                示例总工会摘编

                要加强组织

                ① 见《示例条例》。

                第 2 页

                示例总工会摘编

                领导，确保落实①。

                | 项目 | 时间 |
                |---|---|
                | 学习 | 11月 |

                二、工作安排

                示例总工会摘编

                正文。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::paragraphs)
                .containsExactly(
                        tuple("1", List.of("要加强组织领导，确保落实①。", "① 见《示例条例》。", "项目 | 时间", "学习 | 11月")),
                        tuple("2", List.of("正文。")));
        assertThat(notice.warnings()).extracting(ImportWarning::kind).contains(ImportWarning.RUNNING_HEADER_DROPPED,
                ImportWarning.FOOTNOTE_KEPT, ImportWarning.PAGE_NUMBER_DROPPED, ImportWarning.PAGE_BREAK_JOINED);
    }
}
