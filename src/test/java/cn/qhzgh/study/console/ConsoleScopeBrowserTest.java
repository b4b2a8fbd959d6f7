package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Browser;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.ConsoleFixture;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Xining org admin's console never shows, nor links to, another subtree; typed addresses get the API's 403. */
@QuarkusTest
class ConsoleScopeBrowserTest extends ConsoleBrowserTest {

    private static final String OUTSIDE_MESSAGE = "无权查看：该工会不在您管辖的范围内";

    @Test
    void everyLinkOnEveryPageStaysInsideTheAdminsSubtree() {
        Set<String> subtree = subtreeCodes();
        long campaign = Campaign.foundingId();
        browser.open("");
        browser.signInAs("org-admin");
        browser.waitForText("#org-name", "西宁市总工会");
        assertThat(browser.hash()).isEqualTo("#/dashboard/QH-XN?campaign=" + campaign);
        assertThat(browser.all("nav.breadcrumbs")).as("no way up past the admin's own union").isEmpty();
        browser.waitFor("#children table");
        assertLinksStayInside(subtree);

        browser.click("a.drill[data-org='" + ConsoleFixture.COUNTY + "']");
        browser.waitFor("nav.breadcrumbs");
        assertThat(browser.all("nav.breadcrumbs a").stream().map(a -> a.getAttribute("data-org")).toList())
                .containsExactly("QH-XN");
        browser.waitFor("#children table");
        assertLinksStayInside(subtree);

        for (String page : List.of("laggards", "workers")) {
            browser.click("nav.tabs a[href^='#/" + page + "/']");
            browser.waitFor(page.equals("laggards") ? "#laggard-table" : "#worker-list");
            assertLinksStayInside(subtree);
        }
    }

    @Test
    void typedAddressesOutsideTheSubtreeShowTheApisRefusal() {
        long campaign = Campaign.foundingId();
        browser.open("");
        browser.signInAs("org-admin");
        browser.waitForText("#org-name", "西宁市总工会");
        for (String hash : List.of("#/dashboard/QH-HD?campaign=" + campaign, "#/laggards/QH-HD?campaign=" + campaign,
                "#/workers/QH-HD", "#/dashboard/QH?campaign=" + campaign)) {
            browser.go(hash);
            browser.waitForText(".state-error .state-title", OUTSIDE_MESSAGE);
            assertThat(browser.waitFor(".state-error").getAttribute("data-status")).isEqualTo("403");
            assertThat(browser.all("#org-name")).isEmpty();
        }
        assertLinksStayInside(subtreeCodes());
        browser.go("#/worker/" + ConsoleFixture.OUTSIDE_WORKER + "?campaign=" + campaign);
        browser.waitForText(".state-error .state-title", OUTSIDE_MESSAGE);
        assertThat(browser.all("body").get(0).getText()).doesNotContain("卓玛");
    }

    /** Every console link names a union of the subtree, or a worker of it. */
    private static void assertLinksStayInside(Set<String> subtree) {
        List<String> links = browser.all("a[href^='#/']").stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).isNotEmpty();
        for (String link : links) {
            String[] path = link.substring(link.indexOf("#/") + 2).split("\\?")[0].split("/");
            if (path.length < 2) {
                continue;
            }
            if (path[0].equals("worker")) {
                String org = Api.as(TestTokens.provinceAdmin()).get("/api/v1/admin/workers/" + path[1]).then()
                        .statusCode(200).extract().path("orgCode");
                assertThat(subtree).as("union of the worker linked by %s", link).contains(org);
            } else {
                assertThat(subtree).as("union linked by %s", link).contains(path[1]);
            }
        }
        List<String> shown = browser.all("[data-org]").stream().map(WebElement::getText).toList();
        assertThat(String.join(" ", shown)).doesNotContain("海东", "青海省总工会");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> subtreeCodes() {
        Map<String, Object> tree = Api.asProvinceAdmin().get("/api/v1/orgs/QH-XN/tree").then().statusCode(200)
                .extract().as(Map.class);
        Set<String> codes = new HashSet<>();
        collect(tree, codes);
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, Set<String> codes) {
        codes.add((String) node.get("code"));
        for (Object child : (List<Object>) node.getOrDefault("children", List.of())) {
            collect((Map<String, Object>) child, codes);
        }
    }
}
