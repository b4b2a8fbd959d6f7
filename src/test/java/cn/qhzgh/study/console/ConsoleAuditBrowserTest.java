package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 审计日志: the entries the API gives, filtered by action (and day), paged; province admins only. */
@QuarkusTest
class ConsoleAuditBrowserTest extends ConsoleBrowserTest {

    @Test
    void theLogFiltersByActionAsTheApiDoes() {
        long module = Api.asProvinceAdmin().get("/api/v1/admin/modules").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.docNumber == '" + Campaign.DOC_NUMBER + "' && it.code == '4.3' }.id");
        Api.asProvinceAdmin().post("/api/v1/admin/modules/" + module + "/publish").then().statusCode(200);
        // A read of personal data too, audited with its rows.
        Api.asProvinceAdmin().get("/api/v1/admin/workers?org=QH-XN").then().statusCode(200);
        browser.open("#/audit");
        browser.signInAs("province-admin");
        browser.waitFor("#audit-table");
        JsonPath all = audit("");
        assertThat(rows("data-action")).isEqualTo(all.getList("items.action"));
        browser.screenshot("audit-log", 1440);
        assertThat(browser.fitsWidth(375)).as("the audit log on a 375 px phone").isTrue();

        new Select(browser.waitFor("#filter-action")).selectByValue("module.publish");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        browser.script("document.querySelector('#filter-from').value = arguments[0]", today);
        browser.click("#filter-apply");
        browser.waitForHash("#/audit?action=module.publish&from=" + today);
        browser.waitFor("#filter-clear");
        JsonPath published = audit("?action=module.publish&from=" + today);
        assertThat(published.getLong("total")).isPositive();
        assertThat(rows("data-action")).isNotEmpty().containsOnly("module.publish")
                .hasSize(published.getList("items").size());
        assertThat(browser.all("#audit-table tbody tr td:nth-child(4)").get(0).getAttribute("textContent"))
                .isEqualTo(published.getString("items[0].target"));
        assertThat(browser.text("#page-position")).endsWith("共 " + ConsoleText.count(published.getLong("total")) + " 条");

        browser.waitFor("#filter-actor").sendKeys("nobody-at-all");
        browser.click("#filter-apply");
        browser.waitForText(".state-empty .state-title", "没有符合条件的记录");

        browser.click("#filter-clear");
        browser.waitForHash("#/audit");
        browser.waitFor("#audit-table");
        assertThat(rows("data-action")).isEqualTo(audit("").getList("items.action"));
    }

    @Test
    void anOrgAdminHasNoAuditTabAndATypedAddressShowsTheApisRefusal() {
        browser.open("");
        browser.signInAs("org-admin");
        browser.waitFor("#org-name");
        assertThat(browser.all("nav.tabs a").stream().map(WebElement::getText).toList()).doesNotContain("审计日志");
        browser.go("#/audit?action=workers.list");
        browser.waitForText(".state-error .state-title", "无权访问：审计日志仅对省总管理员开放");
        assertThat(browser.waitFor(".state-error").getAttribute("data-status")).isEqualTo("403");
        assertThat(browser.all("#audit-table")).isEmpty();
    }

    private static JsonPath audit(String query) {
        return Api.asProvinceAdmin().get("/api/v1/admin/audit" + query + (query.isEmpty() ? "?" : "&") + "size=50")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> rows(String attribute) {
        return browser.all("#audit-table tbody tr").stream().map(row -> row.getAttribute(attribute)).toList();
    }
}
