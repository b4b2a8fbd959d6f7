package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 名册导入: an org file's problems at the API's rows and columns in Chinese, then a good org file and workers imported. */
@QuarkusTest
class ConsoleDirectoryBrowserTest extends ConsoleBrowserTest {

    private static final String ORGS = "#orgs-import ";
    private static final String WORKERS = "#workers-import ";
    /** New codes on every run, so that the counts read "新增" however often the suite runs on one database. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String UNION = "QH-TDIR-" + RUN;

    @Test
    void aBrokenOrgFileIsExplainedThenTheUnionsAndTheirWorkersAreImported() throws IOException {
        String header = "code,name,type,parent_code\n";
        String good = UNION + ",【测试】名册导入甲基层工会,GRASSROOTS,QH-HB-QL\n";
        String broken = header + good
                + "QH-TDIR2-" + RUN + ",【测试】名册导入乙基层工会,GRASSROOTS,QH-NOWHERE\n"
                + UNION + ",【测试】重复的代码,GRASSROOTS,QH-HB-QL\n";
        JsonPath expected = Api.upload("/api/v1/admin/orgs/import", "orgs.csv", broken.getBytes(StandardCharsets.UTF_8), true)
                .statusCode(422).extract().jsonPath();

        browser.open("#/directory");
        browser.signInAs("province-admin");
        choose(ORGS, "orgs-broken.csv", broken);
        browser.click(ORGS + ".directory-check");
        browser.waitFor(ORGS + ".directory-errors");
        List<Map<String, Object>> errors = expected.getList("errors");
        assertThat(browser.all(ORGS + ".directory-errors tbody tr").stream()
                .map(r -> r.getAttribute("data-row") + ":" + r.getAttribute("data-column")).toList())
                .isEqualTo(errors.stream().map(e -> e.get("row") + ":" + e.get("column")).toList())
                .contains("3:parent_code", "4:code");
        assertThat(browser.all(ORGS + ".problem-message").stream().map(WebElement::getText).toList())
                .contains("上级工会“QH-NOWHERE”既不在文件中，也不在现有名录中", "“" + UNION + "”与第 2 行重复");
        assertThat(browser.text(ORGS + ".problems-title")).isEqualTo("发现 " + errors.size() + " 个问题，整个文件都没有导入");
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code = ?", UNION)).isZero();
        assertThat(browser.all(ORGS + ".directory-import").get(0).isEnabled()).as("no import before a check passed").isFalse();
        assertThat(browser.fitsWidth(375)).as("the problems on a 375 px phone").isTrue();

        choose(ORGS, "orgs.csv", header + good);
        browser.click(ORGS + ".directory-check");
        browser.waitForText(ORGS + "[data-outcome='checked']",
                "检查通过：共 1 行，导入后将新增 1、更新 0、不变 0 个工会。尚未写入，确认无误后请点“导入”。");
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code = ?", UNION)).as("a check writes nothing")
                .isZero();
        browser.click(ORGS + ".directory-import");
        browser.waitForText(ORGS + "[data-outcome='imported']", "已导入 1 行：新增 1、更新 0、不变 0 个工会。");
        assertThat(Database.count("SELECT COUNT(*) FROM organization WHERE code = ?", UNION)).isEqualTo(1);

        choose(WORKERS, "workers.csv", "external_id,name,org_code,phone\ntdir-" + RUN + "-1,名册测试甲," + UNION
                + ",13800000001\ntdir-" + RUN + "-2,名册测试乙," + UNION + ",\n");
        browser.click(WORKERS + ".directory-check");
        browser.waitFor(WORKERS + "[data-outcome='checked']");
        browser.click(WORKERS + ".directory-import");
        browser.waitForText(WORKERS + "[data-outcome='imported']", "已导入 2 行：新增 2、更新 0、不变 0 名职工。");
        assertThat(Database.count("SELECT COUNT(*) FROM worker w JOIN organization o ON o.id = w.org_id "
                + "WHERE o.code = ?", UNION)).isEqualTo(2);
        browser.screenshot("directory-import", 1440);
    }

    @Test
    void orgAdminsHaveNoTabAndATypedAddressIsRefused() {
        browser.open("#/dashboard");
        browser.signInAs("org-admin");
        browser.waitFor("#children");
        assertThat(browser.all("nav.tabs a").stream().map(WebElement::getText).toList()).doesNotContain("名册导入");
        browser.go("#/directory");
        browser.waitForText(".state-error .state-title", "无权访问：名册导入仅对省总管理员开放");
    }

    private static void choose(String panel, String name, String content) throws IOException {
        Path file = Files.createTempDirectory("directory-import").resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        browser.waitFor(panel + ".file-pick");
        // The native input, whose button speaks the browser's language, sits visually hidden in a Chinese label.
        browser.all(panel + ".directory-file").get(0).sendKeys(file.toAbsolutePath().toString());
        browser.waitForText(panel + ".file-name", name);
    }
}
