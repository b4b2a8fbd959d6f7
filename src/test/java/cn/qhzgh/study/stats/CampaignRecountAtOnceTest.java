package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As deployed: publishing a campaign over documents already read, or moving workers to another union, starts the
 * CHANGED check in the background, so an admin who opens the dashboard afterwards sees the records counted where they
 * now belong without asking for a reconciliation.
 */
@QuarkusTest
@TestProfile(CampaignRecountAtOnceTest.AsDeployed.class)
class CampaignRecountAtOnceTest {

    public static class AsDeployed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("study.stats.check.recount-at-once", "true");
        }
    }

    private static final String UNION = "QH-RC-G3";
    private static final String OTHER = "QH-RC-G4";

    @AfterEach
    void closeTheCampaignsPublishedHere() {
        Campaign.closeAllButFounding();
    }

    @Test
    void publishingOverReadDocumentsStartsTheCheckAndTheFiguresFollow() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(UNION + ",【测试】重算丙基层工会,GRASSROOTS,QH-XN-CD\n");
        CampaignRecountTest.read(TestTokens.worker("rc-w3", UNION), 55);
        Reconcile.run();
        long jobsBefore = systemJobs();

        long campaign = Api.asProvinceAdmin().contentType("application/json").body(Map.of("title", "【测试】即时重算活动",
                        "audience", List.of(UNION), "materials", List.of(Campaign.noticeId())))
                .post("/api/v1/admin/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asProvinceAdmin().header("If-Match", CampaignRecountTest.etag(campaign))
                .post("/api/v1/admin/campaigns/" + campaign + "/publish").then().statusCode(200);

        assertThat(systemJobs()).as("one check started by the publish").isEqualTo(jobsBefore + 1);
        String job = Database.string("SELECT id FROM stats_reconcile_job WHERE requested_by = 'system' "
                + "AND kind = 'CHANGED' ORDER BY started_at DESC, id LIMIT 1");
        JsonPath ended = Reconcile.await(Reconcile.PATH + "/" + job);
        assertThat(ended.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(ended.getString("kind")).isEqualTo("CHANGED");
        assertThat(CampaignRecountTest.summary(UNION, campaign).getLong("figures.secondsSpentTotal")).isEqualTo(55);
        assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.reconcile' AND detail = ?",
                "job " + job + " started (campaign " + campaign + " published)")).isEqualTo(1);
    }

    @Test
    void aWorkerImportThatMovesWorkersStartsTheCheckAndOneThatOnlyAddsDoesNot() {
        Fixtures.skeleton();
        Fixtures.orgs(UNION + ",【测试】重算丙基层工会,GRASSROOTS,QH-XN-CD\n" + OTHER + ",【测试】重算丁基层工会,GRASSROOTS,QH-XN-CD\n");
        awaitNoRunningCheck();
        long jobsBefore = systemJobs();
        importWorker(UNION);
        assertThat(systemJobs()).as("a new worker brings no records").isEqualTo(jobsBefore);
        importWorker(OTHER);
        assertThat(systemJobs()).as("a moved worker takes their records along").isEqualTo(jobsBefore + 1);
        String job = Database.string("SELECT id FROM stats_reconcile_job WHERE requested_by = 'system' "
                + "AND kind = 'CHANGED' ORDER BY started_at DESC, id LIMIT 1");
        assertThat(Reconcile.await(Reconcile.PATH + "/" + job).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.reconcile' AND detail = ?",
                "job " + job + " started (workers moved between 2 union(s))")).isEqualTo(1);
    }

    private static void importWorker(String union) {
        Api.upload("/api/v1/admin/workers/import", "move.csv", ("external_id,name,org_code,phone\nrc-mover,迁移," + union
                + ",\n").getBytes(StandardCharsets.UTF_8), false).statusCode(200);
    }

    private static void awaitNoRunningCheck() {
        String running = Database.string("SELECT MIN(id) FROM stats_reconcile_job WHERE state = 'RUNNING'");
        if (running != null) {
            Reconcile.await(Reconcile.PATH + "/" + running);
        }
    }

    private static long systemJobs() {
        return Database.count("SELECT COUNT(*) FROM stats_reconcile_job WHERE requested_by = 'system' AND kind = 'CHANGED'");
    }
}
