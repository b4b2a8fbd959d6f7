package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Browser;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.ConsoleFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Laggards page by page, the reports downloaded through fetch and opened, worker search and one worker's records. */
@QuarkusTest
class ConsoleListsBrowserTest extends ConsoleBrowserTest {

    @Test
    void laggardsArePagedAsTheApiPagesThem() {
        long campaign = Campaign.foundingId();
        browser.open("#/laggards/" + ConsoleFixture.COUNTY + "?campaign=" + campaign);
        browser.signInAs("org-admin");
        browser.waitFor("#laggard-table");
        JsonPath first = Api.asProvinceAdmin().queryParam("campaign", campaign).queryParam("size", 50)
                .get("/api/v1/stats/orgs/" + ConsoleFixture.COUNTY + "/laggards").then().statusCode(200).extract().jsonPath();
        assertThat(browser.all("#laggard-table tbody tr").stream().map(row -> row.getAttribute("data-worker")).toList())
                .isEqualTo(first.getList("items.externalId"));
        assertThat(first.getList("items.externalId", String.class)).doesNotContain(ConsoleFixture.COMPLETER)
                .contains("con-w-03");
        long total = first.getLong("total");
        assertThat(browser.text("#page-position")).isEqualTo("第 1 / " + Math.max(1, (total + 49) / 50) + " 页 · 共 "
                + ConsoleText.count(total) + " 人");
        assertThat(browser.all("#laggard-table tr[data-worker='con-w-03'] .badge").get(0).getText()).isEqualTo("未开始");
        assertThat(browser.fitsWidth(375)).as("the laggards page on a 375 px phone").isTrue();
    }

    @Test
    void bothReportsDownloadThroughTheTokenAndOpen() throws IOException {
        long campaign = Campaign.foundingId();
        browser.open("#/laggards/" + ConsoleFixture.COUNTY + "?campaign=" + campaign);
        browser.signInAs("org-admin");
        browser.waitFor("#laggard-table");
        long workers = Api.asProvinceAdmin().queryParam("campaign", campaign)
                .get("/api/v1/stats/orgs/" + ConsoleFixture.COUNTY + "/summary").then().statusCode(200)
                .extract().jsonPath().getLong("figures.workers");

        browser.click("#exports button[data-sheet='workers'][data-format='csv']");
        Path csv = browser.downloaded("_workers_" + today() + ".csv");
        assertThat(csv.getFileName().toString()).startsWith(ConsoleFixture.COUNTY + "_workers_");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFF工号,姓名,工会编码");
        assertThat(lines).hasSize((int) workers + 1);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(ConsoleFixture.COMPLETER + ","
                + ConsoleFixture.COMPLETER_NAME + "," + ConsoleFixture.GRASSROOTS + ","));
        assertThat(browser.text("#export-result")).startsWith("已下载 " + csv.getFileName());

        browser.click("#exports button[data-sheet='children'][data-format='xlsx']");
        Path xlsx = browser.downloaded("_children_" + today() + ".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook book = new ReadableWorkbook(in);
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            List<List<String>> cells = rows.map(row -> row.stream().map(c -> c == null ? "" : c.getText()).toList()).toList();
            List<String> children = Api.asProvinceAdmin().queryParam("campaign", campaign)
                    .get("/api/v1/stats/orgs/" + ConsoleFixture.COUNTY + "/children").then().statusCode(200)
                    .extract().jsonPath().getList("children.code");
            assertThat(cells.get(0).get(0)).isEqualTo("工会编码");
            assertThat(cells.subList(1, cells.size()).stream().map(row -> row.get(0)).toList())
                    .containsExactlyInAnyOrderElementsOf(children);
        }
    }

    @Test
    void workersAreFoundByTheStartOfANameOrIdAndTheirPhonesStayMasked() {
        long campaign = Campaign.foundingId();
        browser.open("#/workers/" + ConsoleFixture.CITY);
        browser.signInAs("org-admin");
        browser.waitFor("#worker-list");
        browser.waitFor("#worker-search").sendKeys("张");
        browser.click("form.search button");
        browser.waitForHash("#/workers/QH-XN?q=%E5%BC%A0");
        browser.waitFor("#worker-list");
        assertThat(browser.all("#worker-list li").stream().map(li -> li.getAttribute("data-worker")).toList())
                .contains("con-w-05", "con-w-06");
        assertThat(browser.all("#worker-list .person-name").stream().map(WebElement::getText).toList())
                .allSatisfy(name -> assertThat(name).startsWith("张"));

        browser.go("#/workers/QH-XN?q=con-w-0");
        browser.waitForText("#page-position", "第 1 / 1 页 · 共 7 人");
        browser.go("#/workers/QH-XN?q=con-w-0&page=999");
        browser.waitForText("#page-position", "没有第 1000 页 · 共 1 页 · 7 人");
        browser.click("#previous-page");
        browser.waitForText("#page-position", "第 1 / 1 页 · 共 7 人");
        browser.go("#/workers/QH-XN?q=" + "马建");
        browser.waitFor("#worker-list li[data-worker='" + ConsoleFixture.COMPLETER + "']");
        assertThat(browser.fitsWidth(375)).as("worker search on a 375 px phone").isTrue();
        assertThat(browser.text("#worker-list .phone")).isEqualTo(ConsoleFixture.COMPLETER_MASKED);
        browser.go("#/workers/QH-XN?q=nobody");
        assertThat(browser.text(".state-empty .state-title")).isEqualTo("没有姓名或编号以“nobody”开头的职工");

        browser.go("#/worker/" + ConsoleFixture.COMPLETER + "?campaign=" + campaign);
        browser.waitForText("#worker-name", ConsoleFixture.COMPLETER_NAME);
        assertThat(browser.text("#worker-facts .phone")).isEqualTo(ConsoleFixture.COMPLETER_MASKED);
        assertThat(browser.all("body").get(0).getText()).doesNotContain(ConsoleFixture.COMPLETER_PHONE);
        browser.waitFor("#record-table");
        JsonPath records = Api.asProvinceAdmin().queryParam("campaign", campaign)
                .get("/api/v1/admin/workers/" + ConsoleFixture.COMPLETER + "/records").then().statusCode(200)
                .extract().jsonPath();
        assertThat(browser.all("#record-table tbody tr").stream().map(row -> row.getAttribute("data-module")).toList())
                .isEqualTo(records.getList("modules.code"));
        assertThat(browser.text("#campaign-state")).startsWith("已完成 · ");
        assertThat(browser.all("#record-table .badge-ok").stream().map(WebElement::getText).distinct().toList())
                .containsExactly("已完成");
        assertThat(browser.fitsWidth(375)).as("a worker's records on a 375 px phone").isTrue();
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }
}
