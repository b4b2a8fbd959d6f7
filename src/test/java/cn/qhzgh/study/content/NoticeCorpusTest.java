package cn.qhzgh.study.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Excerpts of real public documents of different shapes (see src/test/resources/corpus/SOURCES.md). */
class NoticeCorpusTest {

    private final NoticeParser parser = new NoticeParser();

    static String corpus(String name) {
        try (InputStream stream = NoticeCorpusTest.class.getResourceAsStream("/corpus/" + name + ".txt")) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCentralCommitteeDecisionHasNoDocNumberAndItsDateUnderTheTitleIsMetadata() {
        ParsedNotice notice = parser.parse(corpus("cpc-decision-2022"));

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata(null, null,
                "中共中央关于认真学习宣传贯彻党的二十大精神的决定", LocalDate.of(2022, 10, 29), null, null, null, null));
        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        m -> m.paragraphs().size())
                .containsExactly(
                        tuple("0", null, "前言", 1),
                        tuple("1", null, "充分认识学习宣传贯彻党的二十大精神的重大意义", 1));
        assertThat(notice.findModule("0").orElseThrow().paragraphs().get(0)).startsWith("为深入学习宣传贯彻")
                .doesNotContain("2022年10月29日");
        assertThat(notice.warnings()).isEmpty();
    }

    @Test
    void aProvincialOpinionNumberedDirectlyWithItemsGetsOneModulePerItem() {
        ParsedNotice notice = parser.parse(corpus("shandong-budget-opinion-2014"));

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata("鲁政发〔2014〕20号", null,
                "山东省人民政府关于深化预算管理制度改革的实施意见", null,
                "各市人民政府,各县(市、区)人民政府,省政府各部门、各直属机构,各大企业,各高等院校", null, null, null));
        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        m -> m.paragraphs().size())
                .containsExactly(
                        tuple("0", null, "前言", 1),
                        tuple("1", null, "深化预算管理制度改革的总体要求", 0),
                        tuple("1.1", "1", "指导思想", 1),
                        tuple("1.2", "1", "目标任务", 1));
        assertThat(notice.findModule("1.2").orElseThrow().paragraphs().get(0)).startsWith("2.目标任务。从2014年开始");
    }

    @Test
    void aPrintingNoticeKeepsItsCoverLetterSignatureAsMetadataAndDeeperLevelsInsideTheModule() {
        ParsedNotice notice = parser.parse(corpus("shanxi-central-rise-plan-2017"));

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata("晋政办发〔2017〕55号", "山西省人民政府办公厅",
                "山西省人民政府办公厅关于印发山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案的通知",
                LocalDate.of(2017, 5, 15), "各市、县人民政府,省人民政府各委、办、厅、局", null, null,
                "山西省人民政府办公厅 2017年5月15日"));
        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        m -> m.paragraphs().size())
                .containsExactly(
                        tuple("0", null, "前言", 2),
                        tuple("1", null, "总体要求", 1),
                        tuple("2", null, "重点任务与分工", 0),
                        tuple("2.1", "2", "强化基础设施支撑,构建现代化、网络化、高品质、服务企业生产布局的基础设施体系", 2));
        assertThat(notice.findModule("2.1").orElseThrow().paragraphs().get(1)).startsWith("1.加快推进综合交通运输网络建设。");
        assertThat(String.join("", notice.findModule("0").orElseThrow().paragraphs()))
                .doesNotContain("2017年5月15日", "山西省贯彻落实《促进中部地区崛起“十三五”规划》工作方案为");
        assertThat(notice.warnings()).extracting(ImportWarning::kind).containsExactly(ImportWarning.COVER_LETTER_FRAME);
    }

    @Test
    void aUnionNoticeWithoutDocNumberIsReadFromItsMultiLineTitleCoverSignatureAndPrintingLine() {
        ParsedNotice notice = parser.parse(corpus("union-notice-huolinguole-2022"));

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata(null, "霍林郭勒市总工会",
                "关于印发《在全市工会系统和广大职工群众中开展学习宣传贯彻党的二十大精神活动方案》的通知",
                LocalDate.of(2022, 11, 3), "各基层工会", null, "霍林郭勒市总工会", "霍林郭勒市总工会 2022年11月3日"));
        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::title, m -> m.paragraphs().size())
                .containsExactly(
                        tuple("0", "前言", 2),
                        tuple("1", "充分认识学习宣传贯彻党的二十大精神的重大意义", 1));
        assertThat(notice.findModule("0").orElseThrow().paragraphs().get(1)).startsWith("为深入学习宣传贯彻党的二十大精神,把我市");
    }
}
