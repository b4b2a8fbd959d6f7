package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.ConsoleFixture;
import cn.qhzgh.study.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 学习活动: the list as the API gives it, a campaign created, refused, published, edited after someone else, closed. */
@QuarkusTest
class ConsoleCampaignsBrowserTest extends ConsoleBrowserTest {

    private static final String BASE = "/api/v1/admin/campaigns";
    private static final String TITLE = "【测试】控制台新建的学习活动";

    @AfterEach
    void closeTheCampaignsPublishedHere() {
        Campaign.closeAllButFounding();
    }

    @Test
    void aCampaignIsCreatedRefusedInChinesePublishedEditedAfterAnotherAdminAndClosed() {
        browser.open("#/campaigns");
        browser.signInAs("province-admin");
        browser.waitFor("#campaign-list");
        JsonPath listed = Api.asProvinceAdmin().get(BASE + "?size=100").then().statusCode(200).extract().jsonPath();
        assertThat(browser.all("#campaign-list li").stream().map(li -> Long.parseLong(li.getAttribute("data-campaign")))
                .toList()).isEqualTo(listed.getList("items.id", Long.class));

        long notice = Campaign.noticeId();
        type("#edit-title", TITLE);
        browser.click("#edit-audience input[value='" + ConsoleFixture.CITY + "']");
        type("#edit-other-audience", "QH-NO-SUCH-UNION");
        browser.click("#edit-materials input[value='" + notice + "']");
        browser.click("#campaign-save");
        browser.waitFor("#campaign-editor .state-error");
        assertThat(browser.text("#campaign-editor .state-error"))
                .contains("活动内容有误", "参与工会第 2 项：没有代码为“QH-NO-SUCH-UNION”的工会");
        assertThat(Database.count("SELECT COUNT(*) FROM campaign WHERE title = ?", TITLE)).as("nothing written")
                .isZero();

        browser.all("#edit-other-audience").get(0).clear();
        browser.click("#campaign-save");
        browser.waitFor("#campaign-status");
        long id = Database.count("SELECT id FROM campaign WHERE title = ?", TITLE);
        browser.waitForHash("#/campaigns/" + id);
        assertThat(browser.text("#campaign-status")).isEqualTo("草稿");
        JsonPath created = campaign(id);
        assertThat(created.getList("audience.code")).containsExactly(ConsoleFixture.CITY);
        assertThat(created.getList("materials.noticeId", Long.class)).containsExactly(notice);
        assertThat(browser.text("#campaign-audience")).contains(created.getString("audience[0].name"));
        assertThat(browser.text("#campaign-materials")).contains(Campaign.DOC_NUMBER,
                "已发布模块 " + created.getInt("materials[0].publishedModules") + " 个");

        browser.click("#campaign-publish");
        browser.waitForText("#campaign-status", "进行中");
        assertThat(browser.text("#campaign-done")).startsWith("活动已发布");
        assertThat(campaign(id).getString("status")).isEqualTo("PUBLISHED");
        browser.go("#/dashboard");
        browser.waitFor(".context-bar select");
        assertThat(browser.all(".context-bar option").stream().map(o -> o.getAttribute("value")).toList())
                .as("the campaign selector lists it without signing in again").contains(String.valueOf(id));
        browser.go("#/campaigns/" + id);
        browser.waitForText("#campaign-status", "进行中");

        // Through the API another admin renames it and makes a module optional; the page holds the revision it read.
        String etag = Api.asProvinceAdmin().get(BASE + "/" + id).then().statusCode(200).extract().header("ETag");
        long optional = Database.count("SELECT MIN(id) FROM study_module WHERE notice_id = ? AND published = TRUE",
                notice);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag)
                .body(Map.of("title", TITLE + "（他人修改）", "finalPassScore", 80, "audience", List.of(ConsoleFixture.CITY),
                        "optionalModuleIds", List.of(optional)))
                .put(BASE + "/" + id).then().statusCode(200);
        WebElement pass = browser.all("#edit-pass").get(0);
        pass.clear();
        pass.sendKeys("90");
        browser.click("#campaign-save");
        browser.waitFor("#campaign-conflict");
        assertThat(campaign(id).getInt("finalPassScore")).as("the stale edit is not written").isEqualTo(80);
        browser.click("#campaign-reload");
        browser.waitForText("#campaign-title", TITLE + "（他人修改）");
        pass = browser.all("#edit-pass").get(0);
        pass.clear();
        pass.sendKeys("90");
        browser.click("#campaign-save");
        browser.waitFor("#campaign-done");
        assertThat(campaign(id).getInt("finalPassScore")).isEqualTo(90);
        assertThat(campaign(id).getList("optionalModuleIds", Long.class)).as("kept, though the page does not edit them")
                .containsExactly(optional);
        assertThat(browser.fitsWidth(375)).as("the campaign on a 375 px phone").isTrue();
        browser.emulateWidth(375, 812);
        try {
            browser.go("#/campaigns");
            browser.waitFor("#campaign-list");
            assertThat((Boolean) browser.script(
                    "const strip = document.querySelector('nav.tabs').getBoundingClientRect();"
                    + "const tab = document.querySelector('.tab-active').getBoundingClientRect();"
                    + "return tab.left >= strip.left && tab.right <= strip.right"))
                    .as("on a phone the tab strip scrolls its 活动管理 tab into sight").isTrue();
        } finally {
            browser.resetViewport();
        }
        browser.go("#/campaigns/" + id);
        browser.waitFor("#campaign-editor");
        browser.screenshot("campaign", 1440);

        browser.script("window.confirm = () => true");
        browser.click("#campaign-close");
        browser.waitForText("#campaign-status", "已结束");
        assertThat(campaign(id).getString("status")).isEqualTo("CLOSED");
        assertThat(browser.all("#campaign-editor")).as("a closed campaign is read-only").isEmpty();
    }

    @Test
    void orgAdminsReadTheCampaignsThatReachThemAndAreOfferedNoEdits() {
        browser.open("#/campaigns");
        browser.signInAs("org-admin");
        browser.waitFor("#campaign-list");
        assertThat(browser.all("#campaign-editor")).isEmpty();
        browser.click("#campaign-list li a");
        browser.waitFor("#campaign-status");
        assertThat(browser.all("#campaign-publish")).isEmpty();
        assertThat(browser.all("#campaign-close")).isEmpty();
        assertThat(browser.all("#campaign-editor")).isEmpty();
    }

    private static void type(String css, String text) {
        browser.waitFor(css).sendKeys(text);
    }

    private static JsonPath campaign(long id) {
        return Api.asProvinceAdmin().get(BASE + "/" + id).then().statusCode(200).extract().jsonPath();
    }
}
