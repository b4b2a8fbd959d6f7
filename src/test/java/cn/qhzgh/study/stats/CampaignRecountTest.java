package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live writes count reading into the campaigns that exist when it happens. A campaign published over documents
 * already read, or whose audience changes, asks the next CHANGED check to recount the unions it reached before and
 * after, and so does a union an org import moves, so the figures follow the next morning, not the next full check
 * (the test profile starts no check by itself).
 */
@QuarkusTest
class CampaignRecountTest {

    private static final String FIRST = "QH-RC-G1";
    private static final String SECOND = "QH-RC-G2";
    private static final String MOVED = "QH-RC-G5";
    private static final String BASE = "/api/v1/admin/campaigns";

    @AfterEach
    void closeTheCampaignsPublishedHere() {
        Campaign.closeAllButFounding();
    }

    @Test
    void publishingOverReadDocumentsAndMovingTheAudienceAreRecountedByTheNextChangedCheck() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(FIRST + ",【测试】重算甲基层工会,GRASSROOTS,QH-XN-CD\n" + SECOND + ",【测试】重算乙基层工会,GRASSROOTS,QH-HD-LD\n");
        read(TestTokens.worker("rc-w1", FIRST), 40);
        read(TestTokens.worker("rc-w2", SECOND), 70);
        NightlyCheck.run(CheckPlan.Kind.FULL);

        long campaign = Api.asProvinceAdmin().contentType("application/json").body(Map.of("title", "【测试】重算活动",
                        "audience", List.of(FIRST), "materials", List.of(Campaign.noticeId())))
                .post(BASE).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asProvinceAdmin().header("If-Match", etag(campaign)).post(BASE + "/" + campaign + "/publish")
                .then().statusCode(200);
        assertThat(requests(FIRST)).as("published over a document its audience has read").isEqualTo(1);
        assertThat(seconds(FIRST, campaign)).as("live writes did not count reading done before the publish").isZero();

        JsonPath afterPublish = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(afterPublish.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(afterPublish.getLong("tables.find { it.table == 'org_campaign_count' }.driftedRows")).isPositive();
        assertThat(seconds(FIRST, campaign)).isEqualTo(40);
        assertThat(summary(FIRST, campaign).getLong("figures.started")).isEqualTo(1);
        assertThat(summary(FIRST, campaign).getLong("figures.secondsSpentTotal")).isEqualTo(40);
        assertThat(requests(FIRST)).as("served by the check that verified its mark").isZero();

        Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag(campaign))
                .body(Map.of("title", "【测试】重算活动", "finalPassScore", 80, "audience", List.of(SECOND)))
                .put(BASE + "/" + campaign).then().statusCode(200);
        assertThat(requests(FIRST) + requests(SECOND)).as("the audience before and after").isEqualTo(2);

        NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(seconds(SECOND, campaign)).as("the new audience's earlier reading").isEqualTo(70);
        assertThat(Database.count("SELECT COUNT(*) FROM org_campaign_count WHERE org_id = ? AND campaign_id = ?",
                union(FIRST), campaign)).as("the union the campaign no longer reaches").isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM worker_campaign WHERE org_id = ? AND campaign_id = ?",
                union(FIRST), campaign)).isZero();
        assertThat(summary(SECOND, campaign).getLong("figures.secondsSpentTotal")).isEqualTo(70);

        JsonPath full = NightlyCheck.run(CheckPlan.Kind.FULL);
        assertThat(full.getLong("totalDrift")).as("nothing left for the weekly check").isZero();
    }

    @Test
    void aUnionMovedOutOfACampaignsAudienceIsRecountedByTheNextChangedCheck() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(MOVED + ",【测试】重算迁移基层工会,GRASSROOTS,QH-XN-CD\n");
        read(TestTokens.worker("rc-w5", MOVED), 45);
        long campaign = Api.asProvinceAdmin().contentType("application/json").body(Map.of("title", "【测试】城东区重算活动",
                        "audience", List.of("QH-XN-CD"), "materials", List.of(Campaign.noticeId())))
                .post(BASE).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asProvinceAdmin().header("If-Match", etag(campaign)).post(BASE + "/" + campaign + "/publish")
                .then().statusCode(200);
        NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(seconds(MOVED, campaign)).isEqualTo(45);

        Fixtures.orgs(MOVED + ",【测试】重算迁移基层工会,GRASSROOTS,QH-HD-LD\n");
        assertThat(requests(MOVED)).as("moved out of the campaign's audience").isEqualTo(1);
        NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(Database.count("SELECT COUNT(*) FROM org_campaign_count WHERE org_id = ? AND campaign_id = ?",
                union(MOVED), campaign)).as("the campaign reaches the union no more").isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM worker_campaign WHERE org_id = ? AND campaign_id = ?",
                union(MOVED), campaign)).isZero();
        assertThat(NightlyCheck.run(CheckPlan.Kind.FULL).getLong("totalDrift")).isZero();
    }

    static String etag(long campaign) {
        return Api.asProvinceAdmin().get(BASE + "/" + campaign).then().statusCode(200).extract().header("ETag");
    }

    static long union(String code) {
        return Database.count("SELECT id FROM organization WHERE code = ?", code);
    }

    static long requests(String code) {
        return Database.count("SELECT COUNT(*) FROM stats_recount_request WHERE org_id = ?", union(code));
    }

    static long seconds(String code, long campaign) {
        return Database.count("SELECT COALESCE(SUM(seconds_spent), 0) FROM org_campaign_count WHERE org_id = ? "
                + "AND campaign_id = ?", union(code), campaign);
    }

    static JsonPath summary(String code, long campaign) {
        return Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + code + "/summary?campaign=" + campaign)
                .then().statusCode(200).extract().jsonPath();
    }

    /** One reading event of {@code seconds} for the notice's first published module. */
    static void read(String worker, int seconds) {
        long module = Database.count("SELECT MIN(id) FROM study_module WHERE notice_id = ? AND published = TRUE",
                Campaign.noticeId());
        Api.as(worker).contentType("application/json").body(Map.of("events", List.of(Map.of(
                        "eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", 10,
                        "secondsSpent", seconds, "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5)
                                .toString(), "channel", "APP"))))
                .post("/api/v1/me/progress").then().statusCode(200);
    }
}
