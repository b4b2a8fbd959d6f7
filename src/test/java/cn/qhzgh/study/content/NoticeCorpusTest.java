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

    @Test
    void aStateCouncilForwardingNoticeKeepsItsFourthLevelInsideTheItemItBelongsTo() {
        ParsedNotice notice = parser.parse(corpus("state-council-social-groups-notice-1997"));

        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata("国办发〔1997〕11号", "国务院办公厅",
                "国务院办公厅转发民政部关于清理整顿社会团体意见的通知", LocalDate.of(1997, 4, 8),
                "各省、自治区、直辖市人民政府，国务院各部委、各直属机构", null, null, "国务院办公厅 一九九七年四月八日"));
        assertThat(notice.modules()).extracting(ParsedModule::code, ParsedModule::parentCode, ParsedModule::title,
                        m -> m.paragraphs().size())
                .containsExactly(
                        tuple("0", null, "前言", 3),
                        tuple("1", null, "清理整顿工作的指导思想", 1),
                        tuple("2", null, "清理整顿的原则", 0),
                        tuple("2.1", "2", "“双重”负责的原则", 2),
                        tuple("2.2", "2", "从严的原则", 2),
                        tuple("2.3", "2", "统一归口登记的原则", 2),
                        tuple("3", null, "清理整顿工作的主要内容", 1),
                        tuple("3.1", "3", "清理整顿的重点", 7),
                        tuple("3.2", "3", "符合下列要求的社会团体予以保留", 13),
                        tuple("3.3", "3", "对存在下列问题的社会团体要进行整改", 8),
                        tuple("3.4", "3", "对宗旨、业务范围相同相似的社会团体，予以合并", 1),
                        tuple("3.5", "3", "对存在下列问题的社会团体予以撤销", 4),
                        tuple("3.6", "3", "对未经核准登记，擅自以社会团体名义进行活动的，劝其停止活动；不听劝阻的，由登记管理机关责令解散", 1),
                        tuple("4", null, "清理整顿工作的方法、步骤", 1),
                        tuple("4.1", "4", "第一阶段为社会团体自查阶段", 2),
                        tuple("4.2", "4", "第二阶段为业务主管部门审查阶段", 3),
                        tuple("4.3", "4", "第三阶段为登记管理机关审定与换发证书阶段", 2),
                        tuple("5", null, "清理整顿工作的组织领导", 1),
                        tuple("5.1", "5", "各级登记管理机关和业务主管部门要在各级党委和政府领导下，认真履行有关通知规定的职责，"
                                + "结合本地区、本部门管理的社会团体实际情况，制定清理整顿工作的具体实施办法", 1),
                        tuple("5.2", "5", "社会团体数量大、难点问题多、管理工作任务重的地方，可成立清理整顿工作领导小组，"
                                + "协调解决清理整顿工作中的问题", 1),
                        tuple("5.3", "5", "清理整顿工作结束后，登记管理机关和业务主管部门要做好检查验收", 1));
        // Item 10. leads into run-in （1）–（3）; they and the unnumbered sentence after them stay in module 3.2.
        assertThat(notice.findModule("3.2").orElseThrow().paragraphs().subList(9, 13)).satisfiesExactly(
                p -> assertThat(p).startsWith("9.挂靠单位"),
                p -> assertThat(p).isEqualTo("10.法人社会团体还应具备："),
                p -> assertThat(p).startsWith("（1）有专职工作人员；（2）有独立、固定的办公住所；（3）全国性社会团体")
                        .endsWith("基金会基金数额不少于210万元人民币。"),
                p -> assertThat(p).startsWith("非法人社会团体还应有固定的联络地点"));
        assertThat(notice.findModule("0").orElseThrow().paragraphs()).satisfiesExactly(
                p -> assertThat(p).startsWith("民政部《关于清理整顿社会团体的意见》已经国务院同意"),
                p -> assertThat(p).startsWith("党中央、国务院高度重视社会团体管理工作。"),
                p -> assertThat(p).isEqualTo("根据有关通知要求，现就清理整顿社会团体工作提出如下意见："));
        assertThat(notice.warnings()).extracting(ImportWarning::kind).containsExactly(ImportWarning.COVER_LETTER_FRAME);
    }

    @Test
    void whenTheStateCouncilNoticesLongestModuleIsSplitItsFourthLevelStaysWithItsItem() {
        // 400 characters (50 a minute for 8 minutes) is over every module but 3.2's 428.
        ParsedNotice notice = new NoticeParser(400).parse(corpus("state-council-social-groups-notice-1997"));

        assertThat(notice.findModule("3.2").orElseThrow().paragraphs()).containsExactly("（二）符合下列要求的社会团体予以保留。");
        assertThat(notice.modules()).filteredOn(m -> "3.2".equals(m.parentCode()))
                .extracting(ParsedModule::code, ParsedModule::title, m -> m.paragraphs().size())
                .containsExactly(
                        tuple("3.2.1", "遵守国家法律法规和有关政策规定，依照章程开展活动", 1),
                        tuple("3.2.2", "有规范的名称", 1),
                        tuple("3.2.3", "有50个以上的成员（基金会除外）", 1),
                        tuple("3.2.4", "有稳定的经费来源和独立的财务帐号", 1),
                        tuple("3.2.5", "社会团体的法定代表人由会长（理事长）或《章程》规定的人员担任", 1),
                        tuple("3.2.6", "秘书长以上负责人（不含名誉职务）应身体健康，能够坚持正常工作，任期一般不超过两届，"
                                + "年龄一般不超过70周岁", 1),
                        tuple("3.2.7", "依照规定办理有关变更登记及机构设置审批手续", 1),
                        tuple("3.2.8", "按规定参加并通过年检", 1),
                        tuple("3.2.9", "挂靠单位、业务主管部门审查同意（基金会还需中国人民银行审查同意）", 1),
                        tuple("3.2.10", "法人社会团体还应具备", 3));
        assertThat(notice.modules()).hasSize(21 + 10);
        assertThat(notice.warnings()).extracting(ImportWarning::kind)
                .containsExactly(ImportWarning.COVER_LETTER_FRAME, ImportWarning.MODULE_SPLIT);
    }
}
