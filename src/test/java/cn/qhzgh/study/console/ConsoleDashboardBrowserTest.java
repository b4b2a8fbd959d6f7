package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Browser;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.ConsoleFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard in a real browser, as the province admin: the figures are the API's, drill-down and breadcrumbs. */
@QuarkusTest
class ConsoleDashboardBrowserTest extends ConsoleBrowserTest {

    @Test
    void provinceAdminDrillsDownTwoLevelsAndBackAndEveryFigureIsTheApis() {
        long campaign = Campaign.foundingId();
        browser.open("");
        browser.signInAs("province-admin");
        browser.waitForText("#org-name", orgName("QH"));
        assertThat(browser.hash()).isEqualTo("#/dashboard/QH?campaign=" + campaign);
        assertFiguresAreTheApis("QH", campaign);

        browser.click("a.drill[data-org='" + ConsoleFixture.CITY + "']");
        browser.waitForText("#org-name", orgName(ConsoleFixture.CITY));
        assertFiguresAreTheApis(ConsoleFixture.CITY, campaign);
        browser.click("a.drill[data-org='" + ConsoleFixture.COUNTY + "']");
        browser.waitForText("#org-name", orgName(ConsoleFixture.COUNTY));
        assertFiguresAreTheApis(ConsoleFixture.COUNTY, campaign);
        assertThat(browser.all("nav.breadcrumbs li").stream().map(WebElement::getText).toList())
                .containsExactly(orgName("QH"), orgName(ConsoleFixture.CITY), orgName(ConsoleFixture.COUNTY));

        browser.click("nav.breadcrumbs a[data-org='" + ConsoleFixture.CITY + "']");
        browser.waitForText("#org-name", orgName(ConsoleFixture.CITY));
        assertThat(browser.hash()).isEqualTo("#/dashboard/QH-XN?campaign=" + campaign);
        browser.click("nav.breadcrumbs a[data-org='QH']");
        browser.waitForText("#org-name", orgName("QH"));
        assertThat(browser.all("nav.breadcrumbs")).isEmpty();
    }

    @Test
    void childrenRankByTheChosenFigureAsTheApiSortsThem() {
        long campaign = Campaign.foundingId();
        browser.open("#/dashboard/QH-XN?campaign=" + campaign);
        browser.signInAs("province-admin");
        browser.waitForText("#org-name", orgName(ConsoleFixture.CITY));
        browser.waitFor("#children table");
        new org.openqa.selenium.support.ui.Select(browser.waitFor("#ranking")).selectByValue("workers");
        browser.waitForHash("#/dashboard/QH-XN?campaign=" + campaign + "&sort=workers&order=desc");
        browser.waitFor("#children table");
        List<String> expected = Api.asProvinceAdmin().queryParam("sort", "workers").queryParam("order", "desc")
                .queryParam("campaign", campaign).get("/api/v1/stats/orgs/QH-XN/children").then().statusCode(200)
                .extract().jsonPath().getList("children.code");
        assertThat(browser.all("#children tbody tr").stream().map(row -> row.getAttribute("data-org")).toList())
                .isEqualTo(expected);
    }

    @Test
    void dashboardScreenshotsAtDesktopAndPhoneWidthsAndFirstLoadStaysUnder500KilobytesGzipped() throws Exception {
        long campaign = Campaign.foundingId();
        browser.open("#/dashboard/QH-XN?campaign=" + campaign);
        browser.signInAs("province-admin");
        browser.waitForText("#org-name", orgName(ConsoleFixture.CITY));
        // The signal bench/console-render waits for: every part answered and drawn, charts included.
        browser.waitFor("page-dashboard[data-rendered='true']");
        assertThat(browser.all("#children tbody tr")).isNotEmpty();
        assertThat(browser.all("console-chart")).hasSize(2).allSatisfy(chart ->
                assertThat(chart.getAttribute("data-ready")).isEqualTo("true"));
        browser.waitFor("#trend-chart[data-ready] canvas");
        browser.waitFor("#channel-chart[data-ready] canvas");
        browser.waitFor("#modules .module-list");

        @SuppressWarnings("unchecked")
        Map<String, Object> transferred = (Map<String, Object>) browser.script("""
                const files = performance.getEntriesByType('resource').filter(e => /\\.(js|css)$/.test(new URL(e.name).pathname));
                return {bytes: files.reduce((sum, e) => sum + e.encodedBodySize, 0),
                        unzipped: files.reduce((sum, e) => sum + e.decodedBodySize, 0), files: files.length};""");
        long gzipped = ((Number) transferred.get("bytes")).longValue();
        System.out.printf("console first load: %d JS and CSS files, %,d bytes gzipped (%,d unzipped)%n",
                ((Number) transferred.get("files")).intValue(), gzipped, ((Number) transferred.get("unzipped")).longValue());
        assertThat(gzipped).as("gzipped JS and CSS of the first load").isPositive().isLessThanOrEqualTo(500 * 1024);
        assertThat(((Number) transferred.get("unzipped")).longValue()).as("files came compressed").isGreaterThan(2 * gzipped);

        Path wide = browser.screenshot("dashboard-1440", 1440);
        Path phone = browser.screenshot("dashboard-375", 375);
        assertThat(Files.size(wide)).isPositive();
        assertThat(Files.size(phone)).isPositive();
        assertThat(browser.fitsWidth(375)).as("nothing is wider than a 375 px phone").isTrue();
    }

    private static void assertFiguresAreTheApis(String code, long campaign) {
        JsonPath summary = Api.asProvinceAdmin().queryParam("campaign", campaign)
                .get("/api/v1/stats/orgs/" + code + "/summary").then().statusCode(200).extract().jsonPath();
        assertThat(card("workers")).isEqualTo(ConsoleText.count(summary.getLong("figures.workers")));
        assertThat(card("started")).isEqualTo(ConsoleText.count(summary.getLong("figures.started")));
        assertThat(card("completed")).isEqualTo(ConsoleText.count(summary.getLong("figures.completed")));
        assertThat(note("completed")).isEqualTo("完成率 " + ConsoleText.percent(summary.getDouble("figures.completionRate")));
        assertThat(card("finalPassed")).isEqualTo(ConsoleText.count(summary.getLong("figures.finalPassed")));
        assertThat(note("finalPassed")).isEqualTo("参考 " + ConsoleText.count(summary.getLong("figures.finalAttempted"))
                + " 人 · 通过率 " + ConsoleText.percent(summary.getDouble("figures.passRate")));

        browser.waitFor("#children table");
        JsonPath children = Api.asProvinceAdmin().queryParam("campaign", campaign).queryParam("sort", "completionRate")
                .queryParam("order", "desc").get("/api/v1/stats/orgs/" + code + "/children").then().statusCode(200)
                .extract().jsonPath();
        List<WebElement> rows = browser.all("#children tbody tr");
        assertThat(rows).hasSize(children.getList("children").size());
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            String child = "children[" + i + "].";
            assertThat(row.getAttribute("data-org")).isEqualTo(children.getString(child + "code"));
            assertThat(row.findElement(By.cssSelector("a.drill")).getText()).isEqualTo(children.getString(child + "name"));
            assertThat(cell(row, "workers")).isEqualTo(ConsoleText.count(children.getLong(child + "workers")));
            assertThat(cell(row, "completed")).isEqualTo(ConsoleText.count(children.getLong(child + "completed")));
            assertThat(cell(row, "completionRate")).isEqualTo(ConsoleText.percent(children.getDouble(child + "completionRate")));
        }

        browser.waitFor("#channels table, #channels .state-empty");
        JsonPath channels = Api.asProvinceAdmin().queryParam("campaign", campaign)
                .get("/api/v1/stats/orgs/" + code + "/channels").then().statusCode(200).extract().jsonPath();
        for (WebElement row : browser.all("#channels tbody tr")) {
            String channel = "find { it.channel == '" + row.getAttribute("data-channel") + "' }.";
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(1).getText()).isEqualTo(ConsoleText.count(channels.getLong(channel + "events")));
            assertThat(cells.get(2).getText()).isEqualTo(ConsoleText.percent(channels.getDouble(channel + "eventShare")));
        }
        browser.waitFor("#modules .module-list, #modules .state-empty");
        if (!browser.all("#all-modules").isEmpty()) {
            assertThat(browser.all("#modules li")).hasSize(8);
            browser.click("#all-modules");
            browser.waitUntilGone("#all-modules");
        }
        JsonPath modules = Api.asProvinceAdmin().queryParam("campaign", campaign)
                .get("/api/v1/stats/orgs/" + code + "/modules").then().statusCode(200).extract().jsonPath();
        assertThat(browser.all("#modules li").stream().map(li -> li.getAttribute("data-module")).toList())
                .isEqualTo(modules.getList("code"));
        assertThat(browser.all("#modules li .rate-text").stream().map(WebElement::getText).toList())
                .isEqualTo(modules.getList("completionRate", Double.class).stream().map(r -> ConsoleText.percent(r)).toList());
    }

    private static String card(String figure) {
        return browser.text(".card[data-figure='" + figure + "'] .card-value");
    }

    private static String note(String figure) {
        return browser.text(".card[data-figure='" + figure + "'] .card-note");
    }

    private static String cell(WebElement row, String figure) {
        WebElement cell = row.findElement(By.cssSelector("[data-figure='" + figure + "']"));
        return figure.endsWith("Rate") ? cell.findElement(By.cssSelector(".rate-text")).getText() : cell.getText();
    }

    private static String orgName(String code) {
        return Api.asProvinceAdmin().get("/api/v1/orgs/" + code).then().statusCode(200).extract().path("name");
    }
}
