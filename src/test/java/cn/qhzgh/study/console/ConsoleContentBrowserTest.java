package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

/** 内容: a document previewed (its module tree and warnings), imported, its modules withdrawn and published; edit conflicts. */
@QuarkusTest
class ConsoleContentBrowserTest extends ConsoleBrowserTest {

    /** A real PDF no other test imports: 21 modules on two levels, and a warning about its cover letter. */
    private static final Path PDF = Path.of("src/test/resources/corpus/state-council-social-groups-notice-1997.pdf");
    private static final String PDF_TITLE = "国务院办公厅转发民政部关于清理整顿社会团体意见的通知";
    /** Imported through the API for the conflict test only, so the two tests never share a module. */
    private static final Path TEXT = Path.of("src/test/resources/corpus/shanxi-central-rise-plan-2017.txt");

    @Test
    void aPdfIsPreviewedWithItsModuleTreeAndWarningsThenImportedAndAModulePublished() throws IOException {
        JsonPath dryRun = Api.upload("/api/v1/admin/notices", "notice.pdf", Files.readAllBytes(PDF), true)
                .statusCode(200).extract().jsonPath();
        browser.open("#/content");
        browser.signInAs("province-admin");
        browser.waitFor("#import .file-pick");
        // The native input, whose button speaks the browser's language, sits visually hidden in a Chinese label.
        browser.all("#import-file").get(0).sendKeys(PDF.toAbsolutePath().toString());
        browser.waitForText("#import-file-name", PDF.getFileName().toString());
        browser.click("#import-preview");
        browser.waitFor("#import-tree");

        assertThat(browser.text("#import-title")).isEqualTo(PDF_TITLE);
        assertThat(browser.all("#import-tree li").stream().map(li -> li.getAttribute("data-module")).toList())
                .isEqualTo(dryRun.getList("modules.code"));
        assertThat(browser.all("#import-tree li .module-title").stream().map(WebElement::getText).toList())
                .isEqualTo(dryRun.getList("modules.title"));
        assertThat(indent("#import-tree li[data-module='2.1']")).as("2.1 sits under 2")
                .isGreaterThan(indent("#import-tree li[data-module='2']"));
        assertThat(indent("#import-tree li[data-module='2']")).isEqualTo(indent("#import-tree li[data-module='3']"));
        assertThat(browser.all("#import-tree .badge").stream().map(WebElement::getText).distinct().toList())
                .containsExactly("新增");
        assertThat(browser.all("#import-warnings li").stream().map(li -> li.getAttribute("data-kind")).toList())
                .isEqualTo(dryRun.getList("warnings.kind")).contains("COVER_LETTER_FRAME");
        assertThat(browser.text("#import-warnings li")).contains("印发通知的首页", "第 " + dryRun.getInt("warnings[0].line") + " 行",
                dryRun.getString("warnings[0].message"));
        assertThat(browser.text("#import-summary")).startsWith("这是一份新公文，导入后：新增 21 个。");
        assertThat(noticeId()).as("a preview writes nothing").isNull();
        browser.screenshot("content-import-preview", 1440);
        assertThat(browser.fitsWidth(375)).as("the preview on a 375 px phone").isTrue();

        browser.click("#import-confirm");
        assertThat(browser.text("#import-done")).startsWith("已导入《" + PDF_TITLE + "》：21 个模块");
        Long notice = noticeId();
        assertThat(notice).isNotNull();
        browser.click("#imported-link");
        browser.waitForText("#notice-title", PDF_TITLE);
        assertThat(browser.all("#module-tree li")).hasSize(21);
        assertThat(browser.fitsWidth(375)).as("the modules on a 375 px phone").isTrue();

        String row = "#module-tree li[data-module='2.1'] ";
        long module = Long.parseLong(browser.waitFor("#module-tree li[data-module='2.1']").getAttribute("data-id"));
        browser.click(row + ".toggle-publish");
        browser.waitForText(row + ".badge", "未发布");
        assertThat(published(module)).isFalse();
        browser.waitForText(row + ".toggle-publish", "发布");
        browser.click(row + ".toggle-publish");
        browser.waitForText(row + ".badge", "已发布");
        assertThat(published(module)).isTrue();
        assertThat(Api.asProvinceAdmin().get("/api/v1/admin/audit?action=module.publish&size=1").then().statusCode(200)
                .extract().jsonPath().getString("items[0].target")).isEqualTo("module:" + module);
    }

    @Test
    void anEditAfterSomeoneElsesIsRefusedInChineseAndTheLatestTextReloads() throws IOException {
        Api.upload("/api/v1/admin/notices", "plan.txt", Files.readAllBytes(TEXT), false).statusCode(oneOf(200, 201));
        long module = Api.asProvinceAdmin().get("/api/v1/admin/modules").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.code == '1' && it.docNumber == '晋政办发〔2017〕55号' }.id");
        String path = "/api/v1/admin/modules/" + module;
        browser.open("#/module/" + module);
        browser.signInAs("province-admin");
        browser.waitFor("#module-text");

        // Someone else saves first, with the ETag they read.
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        List<String> theirs = List.of("另一位管理员修改后的第一段。", "另一位管理员修改后的第二段。");
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag)
                .body(Map.of("paragraphs", theirs)).put(path + "/paragraphs").then().statusCode(200);

        browser.script("const t = document.querySelector('#module-text'); t.value = t.value + '\\n\\n我补充的一段。';");
        browser.click("#module-save");
        assertThat(browser.text("#edit-conflict .state-title")).isEqualTo("保存失败：这个模块已被他人修改");
        assertThat(browser.waitFor("#edit-conflict").getAttribute("data-status")).isEqualTo("412");
        assertThat(browser.text("#edit-conflict .state-hint")).contains("为免覆盖对方的修改，本次没有保存");
        assertThat(paragraphs(path)).isEqualTo(theirs);

        browser.click("#reload-latest");
        browser.waitFor("#draft-text");
        assertThat(browser.waitFor("#module-text").getAttribute("value")).isEqualTo(String.join("\n\n", theirs));
        assertThat(browser.waitFor("#draft-text").getAttribute("value")).endsWith("我补充的一段。");

        browser.script("const t = document.querySelector('#module-text'); t.value = t.value + '\\n\\n我补充的一段。';");
        browser.click("#module-save");
        assertThat(browser.text("#edit-saved")).matches("已保存为第 \\d+ 版。");
        assertThat(paragraphs(path)).containsExactly(theirs.get(0), theirs.get(1), "我补充的一段。");
    }

    @Test
    void anOrgAdminHasNoContentTabAndATypedAddressShowsTheApisRefusal() {
        browser.open("");
        browser.signInAs("org-admin");
        browser.waitFor("#org-name");
        assertThat(browser.all("nav.tabs a").stream().map(WebElement::getText).toList())
                .doesNotContain("内容", "审计日志").contains("概览");
        for (String hash : List.of("#/content", "#/module/1")) {
            browser.go(hash);
            browser.waitForText(".state-error .state-title", "无权访问：内容管理仅对省总管理员开放");
            assertThat(browser.waitFor(".state-error").getAttribute("data-status")).isEqualTo("403");
        }
        assertThat(browser.all("#import-file")).isEmpty();
    }

    private static double indent(String css) {
        return Double.parseDouble(browser.waitFor(css).getCssValue("padding-left").replace("px", ""));
    }

    private static Long noticeId() {
        List<Long> ids = Api.asProvinceAdmin().get("/api/v1/notices").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.title == '" + PDF_TITLE + "' }.id", Long.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static boolean published(long module) {
        return Api.asProvinceAdmin().get("/api/v1/admin/modules").then().statusCode(200).extract().jsonPath()
                .getBoolean("find { it.id == " + module + " }.published");
    }

    private static List<String> paragraphs(String path) {
        return Api.asProvinceAdmin().get(path).then().statusCode(200).extract().jsonPath().getList("paragraphs");
    }
}
