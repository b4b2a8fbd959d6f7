package cn.qhzgh.study.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NoticeParserTest {

    static final String NOTICE_RESOURCE = "/notice/qhzgh-2022-24.md";

    private static ParsedNotice notice;

    @BeforeAll
    static void parseRealNotice() {
        notice = new NoticeParser().parse(realNotice());
    }

    static String realNotice() {
        try (InputStream stream = NoticeParserTest.class.getResourceAsStream(NOTICE_RESOURCE)) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void readsEveryMetadataField() {
        assertThat(notice.metadata()).isEqualTo(new NoticeMetadata(
                "青总发〔2022〕24号",
                "青海省总工会",
                "关于认真学习宣传贯彻党的二十大精神的通知",
                LocalDate.of(2022, 11, 15),
                "各市（州）总工会，省级各产业工会，省总各直属工会，省总各部室、直属各事业单位",
                "马吉孝主席，党组书记、各成员，各巡视员，驻会纪检监察组。",
                "青海省总工会办公室",
                null));
    }

    @Test
    void emitsModulesInReadingOrderWithExactTitles() {
        Map<String, String> expectedTitles = new LinkedHashMap<>();
        expectedTitles.put("0", "前言");
        expectedTitles.put("1", "充分认识学习宣传贯彻党的二十大精神的重大意义");
        expectedTitles.put("2", "深入学习领会和全面准确把握党的二十大精神实质");
        expectedTitles.put("2.1", "把握学习领会党的二十大精神的重点");
        expectedTitles.put("2.2", "聚焦学习宣传党的二十大精神的着力点");
        expectedTitles.put("2.3", "找准工会工作与党的二十大精神的切入点和结合点");
        expectedTitles.put("3", "推动党的二十大精神在工会系统落地生根结出硕果");
        expectedTitles.put("3.1", "在深刻领悟“两个确立”的决定性意义，坚决做到“两个维护”上下功夫");
        expectedTitles.put("3.2", "在全面贯彻习近平新时代中国特色社会主义思想，始终保持工会工作正确政治方向上下功夫");
        expectedTitles.put("3.3", "在加强思想政治引领，汇集凝聚百万职工团结奋斗的磅礴力量上下功夫");
        expectedTitles.put("3.4", "在充分发挥工人阶级主力军作用，奋力推进生态保护和高质量发展上下功夫");
        expectedTitles.put("3.5", "在坚持以人民为中心的发展思想，扎实履行工会维权服务职责上下功夫");
        expectedTitles.put("3.6", "在深入贯彻总体国家安全观，切实维护劳动领域政治安全上下功夫");
        expectedTitles.put("3.7", "在持之以恒深化创新，扎实推进产业工人队伍建设改革和工会改革上下功夫");
        expectedTitles.put("3.8", "在推进工会系统党的建设，大力营造风清气正的政治生态上下功夫");
        expectedTitles.put("4", "迅速掀起学习宣传贯彻党的二十大精神热潮");
        expectedTitles.put("4.1", "加强组织领导");
        expectedTitles.put("4.2", "压实工作责任");
        expectedTitles.put("4.3", "营造浓厚氛围");

        assertThat(notice.modules())
                .extracting(ParsedModule::code, ParsedModule::title)
                .containsExactlyElementsOf(expectedTitles.entrySet().stream()
                        .map(entry -> tuple(entry.getKey(), entry.getValue()))
                        .toList());
        assertThat(notice.modules()).extracting(ParsedModule::position)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    }

    @Test
    void linksSubsectionsToTheirSection() {
        assertThat(notice.modules())
                .extracting(ParsedModule::code, ParsedModule::parentCode)
                .containsExactly(
                        tuple("0", null), tuple("1", null), tuple("2", null),
                        tuple("2.1", "2"), tuple("2.2", "2"), tuple("2.3", "2"),
                        tuple("3", null),
                        tuple("3.1", "3"), tuple("3.2", "3"), tuple("3.3", "3"), tuple("3.4", "3"),
                        tuple("3.5", "3"), tuple("3.6", "3"), tuple("3.7", "3"), tuple("3.8", "3"),
                        tuple("4", null), tuple("4.1", "4"), tuple("4.2", "4"), tuple("4.3", "4"));
    }

    @Test
    void countsParagraphsPerModule() {
        assertThat(notice.modules())
                .extracting(ParsedModule::code, module -> module.paragraphs().size())
                .containsExactly(
                        tuple("0", 1), tuple("1", 3), tuple("2", 1),
                        tuple("2.1", 1), tuple("2.2", 1), tuple("2.3", 1),
                        tuple("3", 1),
                        tuple("3.1", 1), tuple("3.2", 1), tuple("3.3", 1), tuple("3.4", 1),
                        tuple("3.5", 1), tuple("3.6", 1), tuple("3.7", 1), tuple("3.8", 1),
                        tuple("4", 2), tuple("4.1", 1), tuple("4.2", 1), tuple("4.3", 1));
    }

    @Test
    void repairsEveryPageBreakWithoutInsertingSpaces() {
        assertThat(allParagraphsAsOneText()).contains(
                "为新时代新征程党和国家事业发展",
                "深入学习领会",
                "过去5年的工作和新时代 10 年",
                "消除影响平等就业的不合理限制",
                "做到“两个维护”，始终在政治立场",
                "团结奋斗的磅礴力量",
                "要围绕建设教育强国",
                "“司机之家”“高原氧吧”",
                "服务职工的工会工作体系",
                "周密安排部署，提出明确要求");
    }

    @Test
    void leavesNoParagraphEndingOrStartingAtAFragmentBoundary() {
        List<String> paragraphs = notice.modules().stream().flatMap(module -> module.paragraphs().stream()).toList();

        assertThat(paragraphs).hasSize(22).allSatisfy(paragraph -> assertThat(paragraph).endsWith("。"));
        assertThat(paragraphs).noneMatch(paragraph -> paragraph.endsWith("新时") || paragraph.endsWith("司机之"))
                .noneMatch(paragraph -> paragraph.startsWith("代新征程") || paragraph.startsWith("家”")
                        || paragraph.startsWith("署，") || paragraph.startsWith("磅礴力量"));
    }

    @Test
    void reportsEachRepairedPageBreakAtItsFirstFragment() {
        assertThat(warningsOfKind(ImportWarning.PAGE_BREAK_JOINED))
                .extracting(ImportWarning::line)
                .containsExactly(17, 21, 29, 35, 43, 49, 53, 57, 63, 73);
        assertThat(warningsOfKind(ImportWarning.PAGE_BREAK_JOINED))
                .extracting(ImportWarning::excerpt)
                .anySatisfy(excerpt -> assertThat(excerpt).contains("新时|代新征程"))
                .anySatisfy(excerpt -> assertThat(excerpt).contains("司机之|家”"));
    }

    @Test
    void reportsConversionArtifactsWithoutRewritingThem() {
        assertThat(notice.warnings())
                .filteredOn(warning -> !warning.kind().equals(ImportWarning.PAGE_BREAK_JOINED))
                .extracting(ImportWarning::kind, ImportWarning::line)
                .containsExactly(
                        tuple(ImportWarning.LATIN_WORD_IN_CHINESE_TEXT, 11),
                        tuple(ImportWarning.SPACED_NUMBER, 31),
                        tuple(ImportWarning.SPACED_NUMBER, 33));
        assertThat(warningsOfKind(ImportWarning.LATIN_WORD_IN_CHINESE_TEXT).get(0).excerpt()).contains("思想 and 行动");
        assertThat(warningsOfKind(ImportWarning.SPACED_NUMBER))
                .allSatisfy(warning -> assertThat(warning.excerpt()).contains("新时代 10 年"));
        assertThat(notice.warnings()).allSatisfy(warning -> assertThat(warning.message()).isNotBlank());

        assertThat(module("0").paragraphs().get(0))
                .startsWith("为深入学习宣传贯彻党的二十大精神")
                .contains("广大职工的思想 and 行动统一到党的二十大精神上来")
                .endsWith("现就全省工会系统学习宣传贯彻党的二十大精神有关事项通知如下。");
        assertThat(module("2.2").paragraphs().get(0)).contains("聚焦到党的十九大以来的重大成就和新时代 10 年的伟大变革上");
    }

    @Test
    void keepsSubsectionParagraphsWhole() {
        assertThat(module("4.1").paragraphs()).containsExactly(
                "（一）加强组织领导。各级工会要把党的二十大精神列入党组理论学习中心组的重点内容，摆上重要议事日程，"
                        + "周密安排部署，提出明确要求。领导干部要先学一步、深学一层，发挥“头雁效应”。"
                        + "要结合实际谋划具有工会特色、职工喜闻乐见的学习教育活动。要加强基层工会工作指导，"
                        + "加强督促检查，确保学习宣传贯彻工作走深走实。");
        assertThat(module("3.3").paragraphs().get(0))
                .startsWith("（三）在加强思想政治引领，汇集凝聚百万职工团结奋斗的磅礴力量上下功夫。要牢牢把握团结奋斗的时代要求");
    }

    @Test
    void putsLeadAndTrailingParagraphsOnTheSection() {
        assertThat(module("4").paragraphs()).containsExactly(
                "各级工会要按照省委十四届二次全会部署和全总相关要求，以高度的政治责任感和使命感，"
                        + "在全面学习、全面把握、全面落实上下功夫，周密部署安排，精心组织实施，"
                        + "迅速掀起学习宣传贯彻党的二十大精神的热潮。",
                "各级工会学习宣传贯彻党的二十大精神情况请及时报省总工会。");
        assertThat(module("4.3").paragraphs().get(0)).endsWith("营造浓厚的社会氛围。");
        assertThat(module("1").paragraphs().get(2)).endsWith("全面推进中华民族伟大复兴而团结奋斗。");
    }

    @Test
    void keepsHeaderAndFooterOutOfModuleContent() {
        assertThat(allParagraphsAsOneText())
                .doesNotContain("青总发", "抄送", "青海省总工会办公室", "印发", "各市（州）总工会", "---", "#", "**");
    }

    @Test
    void parsesDeterministically() {
        assertThat(new NoticeParser().parse(realNotice())).isEqualTo(new NoticeParser().parse(realNotice()));
    }

    private static String allParagraphsAsOneText() {
        return String.join("\n", notice.modules().stream().flatMap(module -> module.paragraphs().stream()).toList());
    }

    private static List<ImportWarning> warningsOfKind(String kind) {
        return notice.warnings().stream().filter(warning -> warning.kind().equals(kind)).toList();
    }

    private static ParsedModule module(String code) {
        return notice.findModule(code).orElseThrow();
    }
}
