package cn.qhzgh.study.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Text pasted from Word runs headings into their paragraphs; nothing the import stores may outgrow its column. */
class NoticeColumnLimitsTest {

    private static final String SENTENCE = "为深入学习宣传贯彻党的二十大精神，切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来。";

    private final NoticeParser parser = new NoticeParser();

    private static String notice(String titleLine, String sectionHeading) {
        return "示总发〔2023〕3号\n\n## " + titleLine + "\n\n各单位：\n\n## " + sectionHeading + "\n\n第一节正文。\n";
    }

    @Test
    void aSectionHeadingRunIntoItsParagraphIsTitledByItsFirstSentenceAndKeepsTheText() {
        String heading = "一、提高认识" + SENTENCE.repeat(6);
        ParsedNotice notice = parser.parse(notice("关于示例工作的通知", heading));

        ParsedModule section = notice.findModule("1").orElseThrow();
        assertThat(section.title()).isEqualTo("提高认识为深入学习宣传贯彻党的二十大精神，切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来");
        assertThat(section.paragraphs()).containsExactly(heading.substring("一、".length()), "第一节正文。");
        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::line)
                .containsExactly(org.assertj.core.api.Assertions.tuple(ImportWarning.HEADING_RUN_INTO_PARAGRAPH, 7));
    }

    @Test
    void aNoticeTitleRunIntoItsParagraphKeepsItsFirstSentence() {
        ParsedNotice notice = parser.parse(notice("关于示例工作的通知" + SENTENCE.repeat(6), "一、提高认识"));

        assertThat(notice.metadata().title()).isEqualTo("关于示例工作的通知" + SENTENCE.substring(0, SENTENCE.length() - 1));
        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::line)
                .containsExactly(org.assertj.core.api.Assertions.tuple(ImportWarning.HEADING_RUN_INTO_PARAGRAPH, 3));
    }

    @Test
    void titlesWithoutAFullStopAreCutToTheirColumnWithAWarning() {
        String longTitle = "关于示例工作的通知" + "很长".repeat(200);
        String longHeading = "一、提高认识" + "很长".repeat(200);
        ParsedNotice notice = parser.parse(notice(longTitle, longHeading));

        assertThat(notice.metadata().title()).hasSize(ColumnLimits.NOTICE_TITLE).isEqualTo(longTitle.substring(0, 255));
        assertThat(notice.findModule("1").orElseThrow().title()).hasSize(ColumnLimits.MODULE_TITLE);
        assertThat(notice.warnings()).extracting(ImportWarning::kind, ImportWarning::line).containsExactly(
                org.assertj.core.api.Assertions.tuple(ImportWarning.VALUE_TRUNCATED, 3),
                org.assertj.core.api.Assertions.tuple(ImportWarning.VALUE_TRUNCATED, 7));
    }

    @Test
    void cuttingCountsCharactersAsTheDatabaseDoesAndNeverSplitsASurrogatePair() {
        String supplementary = "\uD840\uDC00";
        String title = "关于" + supplementary.repeat(300);
        ParsedNotice notice = parser.parse(notice(title, "一、提高认识"));

        String stored = notice.metadata().title();
        assertThat(stored.codePointCount(0, stored.length())).isEqualTo(ColumnLimits.NOTICE_TITLE);
        assertThat(Character.isHighSurrogate(stored.charAt(stored.length() - 1))).isFalse();
    }
}
