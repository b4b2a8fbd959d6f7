package cn.qhzgh.study.content;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AtOnce;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Imports variants of the real notice under their own doc numbers, so tests do not disturb each other. */
@QuarkusTest
class NoticeImportApiTest {

    private static String variant(String docNumber) {
        return Fixtures.noticeText().replace("青总发〔2022〕24号", docNumber);
    }

    private static io.restassured.response.ValidatableResponse importMarkdown(String text) {
        return Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/notices").then();
    }

    @Test
    void importReturnsMetadataModulesAndWarnings() {
        importMarkdown(variant("青总发〔2022〕901号")).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/notices/"))
                .body("created", equalTo(true))
                .body("notice.docNumber", equalTo("青总发〔2022〕901号"))
                .body("notice.issuer", equalTo("青海省总工会"))
                .body("notice.title", equalTo("关于认真学习宣传贯彻党的二十大精神的通知"))
                .body("notice.issueDate", equalTo("2022-11-15"))
                .body("notice.addressees", equalTo("各市（州）总工会，省级各产业工会，省总各直属工会，省总各部室、直属各事业单位"))
                .body("notice.ccLine", equalTo("马吉孝主席，党组书记、各成员，各巡视员，驻会纪检监察组。"))
                .body("modules", hasSize(19))
                .body("modules.change", everyItem(equalTo("CREATED")))
                .body("warnings.kind", hasItem("LATIN_WORD_IN_CHINESE_TEXT"))
                .body("warnings.find { it.kind == 'LATIN_WORD_IN_CHINESE_TEXT' }.line", equalTo(11));
    }

    @Test
    void headingsRunIntoTheirParagraphsImportWithTheirFirstSentenceAsTitle() {
        String runOn = "为深入学习宣传贯彻党的二十大精神，切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来。".repeat(6);
        String text = variant("青总发〔2022〕905号")
                .replace("关于认真学习宣传贯彻党的二十大精神的通知", "关于认真学习宣传贯彻党的二十大精神的通知" + runOn)
                .replace("一、充分认识学习宣传贯彻党的二十大精神的重大意义", "一、充分认识学习宣传贯彻党的二十大精神的重大意义" + runOn);
        importMarkdown(text).statusCode(201)
                .body("notice.title", equalTo("关于认真学习宣传贯彻党的二十大精神的通知为深入学习宣传贯彻党的二十大精神，"
                        + "切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来"))
                .body("modules.find { it.code == '1' }.title", equalTo("充分认识学习宣传贯彻党的二十大精神的重大意义为深入学习"
                        + "宣传贯彻党的二十大精神，切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来"))
                .body("warnings.findAll { it.kind == 'HEADING_RUN_INTO_PARAGRAPH' }", hasSize(2));
    }

    @Test
    void identicalReimportChangesNothing() {
        String text = variant("青总发〔2022〕902号");
        importMarkdown(text).statusCode(201);
        long versions = Database.count("SELECT COUNT(*) FROM module_version");
        importMarkdown(text).statusCode(200)
                .body("created", equalTo(false))
                .body("modules.change", everyItem(equalTo("UNCHANGED")));
        assertThat(Database.count("SELECT COUNT(*) FROM module_version")).isEqualTo(versions);
    }

    @Test
    void changedTextRevisesOnlyTheAffectedModuleAndKeepsOldVersions() {
        String text = variant("青总发〔2022〕903号");
        importMarkdown(text).statusCode(201);
        String revised = text.replace("（二）压实工作责任。", "（二）压实工作责任，层层传导压力。");
        importMarkdown(revised).statusCode(200)
                .body("modules.findAll { it.change == 'REVISED' }.code", org.hamcrest.Matchers.contains("4.2"))
                .body("modules.find { it.code == '4.2' }.version", equalTo(2))
                .body("modules.findAll { it.change == 'UNCHANGED' }", hasSize(18));
        String moduleId = Database.string("SELECT m.id FROM study_module m JOIN notice n ON n.id = m.notice_id "
                + "WHERE n.doc_number = '青总发〔2022〕903号' AND m.code = '4.2'");
        assertThat(Database.count("SELECT COUNT(*) FROM module_version WHERE module_id = ?", Long.valueOf(moduleId)))
                .isEqualTo(2);
    }

    @Test
    void simultaneousImportsOfOneNewDocumentCreateItOnceAndAllSucceed() throws Exception {
        // A year no other test uses, so the random number never meets another test's document.
        String docNumber = "青总发〔2099〕" + (1 + Math.floorMod(System.nanoTime(), 9999)) + "号";
        byte[] text = variant(docNumber).getBytes(StandardCharsets.UTF_8);
        List<Integer> statuses = AtOnce.send(4, () -> Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                .body(text).post("/api/v1/admin/notices").then().extract().statusCode());
        // Import admission lets two imports run at once and turns the rest away with 429.
        assertThat(statuses).as("one created it, the others found it or were asked to retry")
                .isSubsetOf(200, 201, 429).contains(200).filteredOn(s -> s == 201).hasSize(1);
        assertThat(Database.count("SELECT COUNT(*) FROM notice WHERE doc_number = '" + docNumber + "'")).isEqualTo(1);
    }

    @Test
    void aDocumentWithoutDocNumberIsIdentifiedByTitleAndDateAndReimportsUnchanged() {
        String text = NoticeCorpusTest.corpus("cpc-decision-2022").replace("(2022年10月29日)", "(2022年10月28日)");
        importMarkdown(text).statusCode(201)
                .body("notice.docNumber", org.hamcrest.Matchers.nullValue())
                .body("notice.title", equalTo("中共中央关于认真学习宣传贯彻党的二十大精神的决定"))
                .body("notice.issueDate", equalTo("2022-10-28"))
                .body("modules.code", org.hamcrest.Matchers.contains("0", "1"))
                .body("questions.approved", org.hamcrest.Matchers.greaterThan(0));
        importMarkdown(text).statusCode(200)
                .body("created", equalTo(false))
                .body("modules.change", everyItem(equalTo("UNCHANGED")));
        importMarkdown(text.replace("作出如下决定。", "特作出如下决定。")).statusCode(200)
                .body("created", equalTo(false))
                .body("modules.findAll { it.change == 'REVISED' }.code", org.hamcrest.Matchers.contains("0"));
        assertThat(Database.count("SELECT COUNT(*) FROM notice WHERE identity_key = "
                + "'title:中共中央关于认真学习宣传贯彻党的二十大精神的决定|2022-10-28'")).isEqualTo(1);
    }

    @Test
    void multipartUploadAndDryRun() {
        Api.upload("/api/v1/admin/notices", "notice.md",
                        variant("青总发〔2022〕904号").getBytes(StandardCharsets.UTF_8), true)
                .statusCode(200).body("dryRun", equalTo(true)).body("modules", hasSize(19));
        assertThat(Database.count("SELECT COUNT(*) FROM notice WHERE doc_number = '青总发〔2022〕904号'")).isZero();
        Api.upload("/api/v1/admin/notices", "notice.md",
                        variant("青总发〔2022〕904号").getBytes(StandardCharsets.UTF_8), false)
                .statusCode(201);
    }

    @Test
    void badDocumentsGetClearProblems() {
        importMarkdown("# 一份没有文号也没有章节的文件\n\n随便写的一段话。\n").statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:invalid-notice"))
                .body("errors.size()", org.hamcrest.Matchers.greaterThan(0));
        Api.asProvinceAdmin().contentType("text/markdown").body("   ").post("/api/v1/admin/notices")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        Api.asProvinceAdminBreakingContract("a media type the endpoint does not take must get 415")
                .contentType("application/json").body("{}").post("/api/v1/admin/notices")
                .then().statusCode(415).contentType("application/problem+json");
        Api.upload("/api/v1/admin/notices", "latin1.md", new byte[] {'#', ' ', (byte) 0xFF, (byte) 0xFE, (byte) 0x80}, true)
                .statusCode(422).body("type", equalTo("urn:qhzgh:study:problem:unsupported-encoding"))
                .body("errors[0].field", equalTo("file"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        Api.upload("/api/v1/admin/notices", "picture.docx", png, true)
                .statusCode(422).body("type", equalTo("urn:qhzgh:study:problem:unsupported-document"))
                .body("errors[0].field", equalTo("file"));
        Api.asProvinceAdmin().contentType("text/markdown").body(new byte[] {'#', ' ', (byte) 0xFF, (byte) 0xFE})
                .post("/api/v1/admin/notices?dryRun=true").then()
                .statusCode(422).body("type", equalTo("urn:qhzgh:study:problem:unsupported-encoding"))
                .body("errors[0].field", equalTo("body"));
    }

    /** Chinese Windows saves text as GBK: the same notice in GB18030 imports to the same modules as in UTF-8. */
    @Test
    void aGbkTextFileImportsLikeItsUtf8Original() {
        Api.upload("/api/v1/admin/notices", "notice-gbk.txt",
                        Fixtures.noticeText().getBytes(java.nio.charset.Charset.forName("GBK")), true)
                .statusCode(200).body("dryRun", equalTo(true)).body("modules", hasSize(19))
                .body("notice.title", equalTo(Api.upload("/api/v1/admin/notices", "notice.md",
                        Fixtures.noticeText().getBytes(StandardCharsets.UTF_8), true)
                        .statusCode(200).extract().path("notice.title")));
    }

    /** The same GBK text sent as the request body, as a script posting the file with curl --data-binary would. */
    @Test
    void aGbkTextBodyImportsLikeAGbkFile() {
        byte[] gbk = Fixtures.noticeText().getBytes(java.nio.charset.Charset.forName("GBK"));
        for (String contentType : new String[]{"text/markdown", "text/plain; charset=GBK"}) {
            Api.asProvinceAdmin().contentType(contentType).body(gbk).post("/api/v1/admin/notices?dryRun=true").then()
                    .statusCode(200).body("modules", hasSize(19)).body("notice.docNumber", equalTo("青总发〔2022〕24号"));
        }
    }
}
