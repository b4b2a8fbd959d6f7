package cn.qhzgh.study.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeParserSyntheticInputTest {

    private final NoticeParser parser = new NoticeParser();

    @Test
    void parsesCrlfInputWithByteOrderMarkLikeTheOriginal() {
        String original = NoticeParserTest.realNotice();
        String windowsStyle = "\uFEFF" + original.replace("\n", "\r\n");

        assertThat(parser.parse(windowsStyle)).isEqualTo(parser.parse(original));
    }

    @Test
    void recognisesSectionHeadingsWrittenAsPlainBoldOrWithoutMarkup() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                关于示例工作的通知

                各单位：

                **一、提高认识**

                第一节正文。

                二、抓好落实

                第二节正文。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::title, ParsedModule::paragraphs)
                .containsExactly(
                        tuple("1", "提高认识", List.of("第一节正文。")),
                        tuple("2", "抓好落实", List.of("第二节正文。")));
        assertThat(notice.metadata().title()).isEqualTo("关于示例工作的通知");
        assertThat(notice.warnings()).isEmpty();
    }

    @Test
    void rejectsADocumentWithoutSectionHeadings() {
        assertThatThrownBy(() -> parser.parse("""
                示总发〔2023〕3号

                ## 关于示例工作的通知

                各单位：

                只有一段正文，没有任何编号标题。
                """))
                .isInstanceOf(NoticeFormatException.class)
                .satisfies(error -> assertThat(((NoticeFormatException) error).problems())
                        .singleElement().asString().contains("一级标题"));
    }

    @Test
    void rejectsAnEmptyDocumentForLackOfStructureOnly() {
        assertThatThrownBy(() -> parser.parse(""))
                .isInstanceOf(NoticeFormatException.class)
                .satisfies(error -> assertThat(((NoticeFormatException) error).problems())
                        .singleElement().asString().contains("一级标题").doesNotContain("发文字号"));
    }

    @Test
    void leavesMissingOptionalMetadataNull() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                开展示例工作，现通知如下。

                一、总体要求

                正文。
                """);

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata("示总发〔2023〕3号", null, null, null, null, null, null, null));
        assertThat(notice.modules()).extracting(ParsedModule::code).containsExactly("0", "1");
    }

    @Test
    void readsOfficeWrittenOnTheDateLineAndEndsContentWithoutHorizontalRule() {
        ParsedNotice notice = parser.parse("""
                # 示例总工会文件
                示总发〔2023〕3号
                ## 示例总工会关于示例工作的通知
                一、总体要求
                正文。
                抄送：各位领导。
                示例总工会办公室    2023年2月28日印发
                """);

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata("示总发〔2023〕3号", "示例总工会", "关于示例工作的通知",
                LocalDate.of(2023, 2, 28), null, "各位领导。", "示例总工会办公室", null));
        assertThat(notice.findModule("1").orElseThrow().paragraphs()).containsExactly("正文。");
    }

    @Test
    void joinsAcrossAPageNumberLineAndReportsBoth() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                一、总体要求

                要加强组织

                — 2 —

                领导，确保落实。
                """);

        assertThat(notice.findModule("1").orElseThrow().paragraphs()).containsExactly("要加强组织领导，确保落实。");
        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::line, ImportWarning::excerpt)
                .containsExactly(
                        tuple(ImportWarning.PAGE_BREAK_JOINED, 5, "要加强组织|领导，确保落实。"),
                        tuple(ImportWarning.PAGE_NUMBER_DROPPED, 7, "— 2 —"));
    }

    @Test
    void neverJoinsIntoAHeadingOrASubsectionAndReportsTheUnterminatedParagraph() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                一、总体要求

                （一）第一项。正文缺少句末标点

                （二）第二项。正文

                二、工作安排

                正文。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code, module -> module.paragraphs().size())
                .containsExactly(tuple("1", 0), tuple("1.1", 1), tuple("1.2", 1), tuple("2", 1));
        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::line)
                .containsExactly(
                        tuple(ImportWarning.UNTERMINATED_PARAGRAPH, 5),
                        tuple(ImportWarning.UNTERMINATED_PARAGRAPH, 7));
    }

    @Test
    void givesUnmarkedParagraphsToThePreviousSubsectionOrToTheSectionAfterTheLastOne() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                ## 一、总体要求

                导语。

                （一）第一项。内容。

                第一项的补充。

                （二）第二项。内容。

                结语。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::title, ParsedModule::paragraphs)
                .containsExactly(
                        tuple("1", "总体要求", List.of("导语。", "结语。")),
                        tuple("1.1", "第一项", List.of("（一）第一项。内容。", "第一项的补充。")),
                        tuple("1.2", "第二项", List.of("（二）第二项。内容。")));
    }

    @Test
    void codesByReadingOrderAndReportsSkippedNumbering() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                一、总体要求

                （一）第一项。内容。

                （三）第三项。内容。

                三、工作安排

                一、二季度要完成全部任务。
                """);

        assertThat(notice.modules()).extracting(ParsedModule::code).containsExactly("1", "1.1", "1.2", "2");
        assertThat(notice.findModule("2").orElseThrow().paragraphs()).containsExactly("一、二季度要完成全部任务。");
        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::line)
                .containsExactly(
                        tuple(ImportWarning.NUMBERING_OUT_OF_SEQUENCE, 7),
                        tuple(ImportWarning.NUMBERING_OUT_OF_SEQUENCE, 9));
    }

    @Test
    void acceptsTightUpperCaseAcronymsButReportsPaddedOrLowerCaseLatinWords() {
        ParsedNotice notice = parser.parse("""
                示总发〔2023〕3号

                一、总体要求

                用好工会APP和5G网络，把思想and行动统一起来，推广 App 应用。
                """);

        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::excerpt)
                .containsExactly(
                        tuple(ImportWarning.LATIN_WORD_IN_CHINESE_TEXT, "，把思想and行动统一"),
                        tuple(ImportWarning.LATIN_WORD_IN_CHINESE_TEXT, "来，推广 App 应用。"));
    }
}
