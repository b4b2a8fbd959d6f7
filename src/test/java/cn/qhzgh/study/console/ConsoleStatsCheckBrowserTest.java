package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.ConsoleFixture;
import cn.qhzgh.study.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 统计核对 on the dashboard: a province admin checks every counter now, and one changed behind the service is repaired. */
@QuarkusTest
class ConsoleStatsCheckBrowserTest extends ConsoleBrowserTest {

    @Test
    void aProvinceAdminChecksTheFiguresAndACounterChangedBehindTheServiceIsRepaired() {
        long union = Database.count("SELECT id FROM organization WHERE code = ?", ConsoleFixture.GRASSROOTS);
        long workers = Database.count("SELECT COUNT(*) FROM worker WHERE org_id = ?", union);
        browser.open("#/dashboard");
        browser.signInAs("province-admin");
        browser.waitFor("#stats-check-start");
        Database.execute("UPDATE org_worker_count SET workers = workers + 5 WHERE org_id = ?", union);

        browser.click("#stats-check-start");
        browser.waitFor("#stats-check-result[data-state='SUCCEEDED']");
        assertThat(browser.text("#stats-check-result")).startsWith("核对完成：发现并修正了");
        assertThat(Database.count("SELECT workers FROM org_worker_count WHERE org_id = ?", union)).isEqualTo(workers);
        assertThat(browser.text("#stats-check-start")).isEqualTo("立即核对");

        browser.click("#stats-check-start");
        browser.waitFor("#stats-check-result[data-state='SUCCEEDED']");
        browser.waitForText("#stats-check-result", "核对完成：统计与原始记录一致。");
    }

    @Test
    void orgAdminsAreNotOfferedTheCheck() {
        browser.open("#/dashboard");
        browser.signInAs("org-admin");
        browser.waitFor("#children");
        assertThat(browser.all("#stats-check")).isEmpty();
    }
}
