package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A hand-checked tree under the province:
 * QH-TS (city) ├ QH-TS-C1 (county) ├ G1: w1 read module 1 to 100 % (120 s, WECHAT), w2 read module 0 to 40 % (60 s, APP), w3 idle
 *              │                   └ G2: w4 passed the FINAL without reading
 *              └ QH-TS-C2 (county) └ G1: w5 completed the whole campaign (19 modules, each for its reading time, VIDEO), w6 failed the FINAL (score 0)
 */
@QuarkusTest
class StatsApiTest {

    private static boolean built;
    private static long w5ReadingSeconds;

    @BeforeEach
    void tree() {
        Fixtures.skeleton();
        Fixtures.notice();
        synchronized (StatsApiTest.class) {
            if (built) {
                return;
            }
            Fixtures.orgs("""
                    QH-TS,【测试】统计市总工会,CITY,QH
                    QH-TS-C1,【测试】统计一县总工会,COUNTY,QH-TS
                    QH-TS-C1-G1,【测试】统计一县第一基层工会,GRASSROOTS,QH-TS-C1
                    QH-TS-C1-G2,【测试】统计一县第二基层工会,GRASSROOTS,QH-TS-C1
                    QH-TS-C2,【测试】统计二县总工会,COUNTY,QH-TS
                    QH-TS-C2-G1,【测试】统计二县第一基层工会,GRASSROOTS,QH-TS-C2
                    """);
            Api.upload("/api/v1/admin/workers/import", "ts.csv", ("external_id,name,org_code,phone\n"
                    + "ts-w1,一,QH-TS-C1-G1,\nts-w2,二,QH-TS-C1-G1,\nts-w3,三,QH-TS-C1-G1,\nts-w4,四,QH-TS-C1-G2,\n"
                    + "ts-w5,五,QH-TS-C2-G1,\nts-w6,=HYPERLINK(\"x\"),QH-TS-C2-G1,\n").getBytes(StandardCharsets.UTF_8), false)
                    .statusCode(200).body("created", equalTo(6));
            send(worker("ts-w1", "QH-TS-C1-G1"), "1", 100, 120, "WECHAT");
            send(worker("ts-w2", "QH-TS-C1-G1"), "0", 40, 60, "APP");
            AttemptSolver.pass(worker("ts-w4", "QH-TS-C1-G2"), Campaign.quizzes("FINAL").get(0));
            String w5 = worker("ts-w5", "QH-TS-C2-G1");
            w5ReadingSeconds = Campaign.readEverything(w5, "VIDEO");
            Campaign.passEveryModuleQuiz(w5);
            AttemptSolver.pass(w5, Campaign.quizzes("FINAL").get(0));
            failFinal(worker("ts-w6", "QH-TS-C2-G1"));
            built = true;
        }
    }

    private static String worker(String id, String org) {
        return TestTokens.worker(id, org);
    }

    private static void send(String worker, String moduleCode, int percent, int seconds, String channel) {
        long module = Database.count("SELECT id FROM study_module WHERE notice_id = ? AND code = ?",
                Campaign.noticeId(), moduleCode);
        Api.as(worker).contentType("application/json").body(Map.of("events", List.of(Map.of(
                        "eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", percent,
                        "secondsSpent", seconds, "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1)
                                .toString(), "channel", channel))))
                .post("/api/v1/me/progress").then().statusCode(200).body("results[0].status", equalTo("ACCEPTED"));
    }

    private static void failFinal(String worker) {
        JsonPath started = Api.as(worker).post("/api/v1/quizzes/" + Campaign.quizzes("FINAL").get(0) + "/attempts")
                .then().statusCode(201).extract().jsonPath();
        Api.as(worker).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("answers", List.of())).put("/api/v1/attempts/" + started.getString("attemptId") + "/answers")
                .then().statusCode(200).body("score", equalTo(0));
    }

    private static JsonPath summary(String code) {
        return Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + code + "/summary").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void leafCountyCityAndProvinceFiguresAreExact() {
        JsonPath g1 = summary("QH-TS-C1-G1");
        assertThat(g1.getLong("figures.workers")).isEqualTo(3);
        assertThat(g1.getLong("figures.started")).isEqualTo(2);
        assertThat(g1.getLong("figures.completed")).isZero();
        assertThat(g1.getLong("figures.secondsSpentTotal")).isEqualTo(180);
        assertThat(g1.getLong("figures.finalAttempted")).isZero();
        assertThat((Object) g1.get("figures.averageBestFinalScore")).isNull();

        JsonPath c1 = summary("QH-TS-C1");
        assertThat(c1.getLong("figures.workers")).isEqualTo(4);
        assertThat(c1.getLong("figures.started")).isEqualTo(2);
        assertThat(c1.getLong("figures.finalAttempted")).isEqualTo(1);
        assertThat(c1.getLong("figures.finalPassed")).isEqualTo(1);
        assertThat(c1.getDouble("figures.averageBestFinalScore")).isEqualTo(100.0);

        JsonPath city = summary("QH-TS");
        assertThat(city.getString("docNumber")).isEqualTo(Campaign.DOC_NUMBER);
        assertThat(city.getLong("figures.workers")).isEqualTo(6);
        assertThat(city.getLong("figures.started")).isEqualTo(3);
        assertThat(city.getLong("figures.completed")).isEqualTo(1);
        assertThat(city.getDouble("figures.completionRate")).isEqualTo(0.1667);
        assertThat(city.getLong("figures.finalAttempted")).isEqualTo(3);
        assertThat(city.getLong("figures.finalPassed")).isEqualTo(2);
        assertThat(city.getDouble("figures.passRate")).isEqualTo(0.6667);
        assertThat(city.getDouble("figures.averageBestFinalScore")).isEqualTo(66.6667);
        assertThat(city.getLong("figures.secondsSpentTotal")).isEqualTo(180 + w5ReadingSeconds);

        JsonPath province = summary("QH");
        assertThat(province.getLong("figures.workers")).isGreaterThanOrEqualTo(6);
        assertThat(province.getLong("figures.completed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theProvinceIsItsChildrenPlusItsOwnRows() {
        JsonPath province = summary("QH");
        List<Map<String, Object>> children = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH/children").then()
                .statusCode(200).extract().jsonPath().getList("children");
        long qh = Long.parseLong(Database.string("SELECT id FROM organization WHERE code = 'QH'"));
        long campaign = province.getLong("campaignId");
        Map<String, Long> own = Map.of(
                "workers", Database.count("SELECT COALESCE(SUM(workers), 0) FROM org_worker_count WHERE org_id = ?", qh),
                "started", ownCounter("started", qh, campaign), "completed", ownCounter("completed", qh, campaign),
                "secondsSpentTotal", ownCounter("seconds_spent", qh, campaign),
                "finalAttempted", ownCounter("final_attempted", qh, campaign),
                "finalPassed", ownCounter("final_passed", qh, campaign));
        assertThat(children).hasSizeGreaterThan(1);
        own.forEach((figure, ownRows) -> assertThat(province.getLong("figures." + figure)).as(figure)
                .isEqualTo(ownRows + children.stream().mapToLong(c -> ((Number) c.get(figure)).longValue()).sum()));
    }

    private static long ownCounter(String column, long org, long campaign) {
        return Database.count("SELECT COALESCE(SUM(" + column + "), 0) FROM org_campaign_count "
                + "WHERE org_id = ? AND campaign_id = ?", org, campaign);
    }

    @Test
    void trendDaysOutsideTheCampaignYearsAre400NamingTheDay() {
        Api.asProvinceAdminBreakingContract("to is beyond year 9999").queryParam("from", "+999999999-12-30")
                .queryParam("to", "+999999999-12-31").get("/api/v1/stats/orgs/QH-TS/trend").then().statusCode(400)
                .body("errors.field", contains("from"));
        Api.asProvinceAdmin().queryParam("from", "2099-12-30").queryParam("to", "2100-01-01")
                .get("/api/v1/stats/orgs/QH-TS/trend").then().statusCode(400).body("errors.field", contains("to"));
        Api.asProvinceAdmin().queryParam("from", "2099-12-30").queryParam("to", "2099-12-31")
                .get("/api/v1/stats/orgs/QH-TS/trend").then().statusCode(200).body("day", contains("2099-12-30", "2099-12-31"));
    }

    @Test
    void childrenRankAndModulesTrendAndChannelsAddUp() {
        Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/children?sort=completionRate&order=desc").then()
                .statusCode(200).body("docNumber", equalTo(Campaign.DOC_NUMBER))
                .body("children.code", contains("QH-TS-C2", "QH-TS-C1"))
                .body("children[0].completionRate", equalTo(0.5f)).body("children[1].workers", equalTo(4));
        Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/children?sort=bogus").then().statusCode(400);
        Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/modules").then().statusCode(200)
                .body("find { it.code == '1' }.started", equalTo(2))
                .body("find { it.code == '1' }.completed", equalTo(2))
                .body("find { it.code == '0' }.started", equalTo(2))
                .body("find { it.code == '0' }.completed", equalTo(1))
                .body("find { it.code == '4.1' }.averageBestScore", equalTo(100.0f))
                .body("find { it.code == '1' }.averageBestScore", nullValue());
        JsonPath trend = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/trend").then().statusCode(200)
                .extract().jsonPath();
        assertThat(trend.getList("", Map.class)).hasSize(30);
        assertThat(trend.getList("activeWorkers", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
        assertThat(trend.getList("completions", Integer.class).stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/channels").then().statusCode(200)
                .body("find { it.channel == 'VIDEO' }.events", equalTo((int) Database.count(
                        "SELECT COUNT(*) FROM study_module WHERE notice_id = ? AND published = TRUE", Campaign.noticeId())))
                .body("find { it.channel == 'VIDEO' }.secondsSpent", equalTo((int) w5ReadingSeconds))
                .body("find { it.channel == 'WECHAT' }.events", equalTo(1))
                .body("find { it.channel == 'WEIBO' }.eventShare", equalTo(0.0f))
                .body("eventShare.sum()", closeTo(1.0, 0.001));
    }

    @Test
    void scopingGives403OutsideTheSubtree() {
        String countyAdmin = TestTokens.orgAdmin("ts-admin-c1", "QH-TS-C1");
        Api.as(countyAdmin).get("/api/v1/stats/orgs/QH-TS-C1-G1/summary").then().statusCode(200);
        Api.as(countyAdmin).get("/api/v1/stats/orgs/QH-TS/summary").then().statusCode(403)
                .body("type", equalTo("urn:qhzgh:study:problem:outside-subtree"));
        Api.as(countyAdmin).get("/api/v1/stats/orgs/QH-TS-C2/children").then().statusCode(403);
        Api.as(TestTokens.worker("ts-w1", "QH-TS-C1-G1")).get("/api/v1/stats/orgs/QH-TS-C1-G1/summary")
                .then().statusCode(403);
    }

    @Test
    void reconciliationFindsNoDriftAndRepairsACorruptedCounter() {
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
        long g1 = Database.count("SELECT id FROM organization WHERE code = 'QH-TS-C1-G1'");
        Database.execute("UPDATE org_campaign_count SET started = started + 5 WHERE org_id = ?", g1);
        assertThat(summary("QH-TS-C1-G1").getLong("figures.started")).isEqualTo(7);
        JsonPath repaired = Reconcile.run();
        assertThat(repaired.getLong("totalDrift")).isEqualTo(1);
        assertThat(repaired.getLong("tables.find { it.table == 'org_campaign_count' }.driftedRows")).isEqualTo(1);
        assertThat(summary("QH-TS-C1-G1").getLong("figures.started")).isEqualTo(2);
    }

    @Test
    void reconciliationRebuildsWipedCountersSliceBySlice() {
        Reconcile.run();
        String before = summary("QH-TS").getString("figures");
        String modulesBefore = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/modules").then().statusCode(200)
                .extract().asString();
        // Closed campaigns keep the figures they closed with: reconciliation rebuilds the published ones only.
        long workerRows = Database.count("SELECT COUNT(*) FROM worker_campaign WHERE campaign_id IN "
                + "(SELECT id FROM campaign WHERE status = 'PUBLISHED')");
        long moduleRows = Database.count("SELECT COUNT(*) FROM org_module_count");
        long optionRows = Database.count("SELECT COUNT(*) FROM org_option_count");
        assertThat(Database.count("SELECT COUNT(*) FROM worker")).isGreaterThan(3);
        assertThat(moduleRows).isPositive();
        Database.execute("DELETE FROM worker_campaign WHERE campaign_id IN "
                + "(SELECT id FROM campaign WHERE status = 'PUBLISHED')");
        Database.execute("DELETE FROM org_module_count");
        Database.execute("DELETE FROM org_option_count");
        JsonPath rebuilt = Reconcile.run();
        assertThat(rebuilt.getLong("tables.find { it.table == 'worker_campaign' }.driftedRows")).isEqualTo(workerRows);
        assertThat(rebuilt.getLong("tables.find { it.table == 'org_module_count' }.driftedRows")).isEqualTo(moduleRows);
        assertThat(rebuilt.getLong("tables.find { it.table == 'org_option_count' }.driftedRows")).isEqualTo(optionRows);
        assertThat(rebuilt.getString("phase")).isEqualTo("done");
        assertThat(rebuilt.getLong("rowsDone")).isEqualTo(rebuilt.getLong("rowsEstimated")).isPositive();
        assertThat(summary("QH-TS").getString("figures")).isEqualTo(before);
        assertThat(Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/modules").then().statusCode(200)
                .extract().asString()).isEqualTo(modulesBefore);
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }

    @Test
    void aWorkersAlteredCampaignRowIsRewrittenFromItsSources() {
        Reconcile.run();
        long worker = Long.parseLong(Database.string("SELECT MIN(worker_id) FROM worker_campaign "
                + "WHERE seconds_spent > 0 AND campaign_id IN (SELECT id FROM campaign WHERE status = 'PUBLISHED')"));
        String row = "SELECT CONCAT(campaign_id, ':', seconds_spent, ':', COALESCE(final_best_score, -1)) "
                + "FROM worker_campaign WHERE worker_id = ? AND seconds_spent > 0 ORDER BY campaign_id LIMIT 1";
        String stored = Database.string(row, worker);
        Database.execute("UPDATE worker_campaign SET seconds_spent = seconds_spent + 7, final_best_score = 1 "
                + "WHERE worker_id = ? AND seconds_spent > 0", worker);
        JsonPath repaired = Reconcile.run();
        assertThat(repaired.getLong("tables.find { it.table == 'worker_campaign' }.driftedRows")).isPositive();
        assertThat(Database.string(row, worker)).isEqualTo(stored);
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }

    @Test
    void movingAnOrgMovesItsFigures() {
        Fixtures.orgs("QH-TM2,【测试】迁移前市总工会,CITY,QH\nQH-TM3,【测试】迁移后市总工会,CITY,QH\n"
                + "QH-TM2-G1,【测试】迁移基层工会,GRASSROOTS,QH-TM2\n");
        Api.upload("/api/v1/admin/workers/import", "tm.csv",
                "external_id,name,org_code,phone\ntm-w1,甲,QH-TM2-G1,\n".getBytes(StandardCharsets.UTF_8), false)
                .statusCode(200);
        send(worker("tm-w1", "QH-TM2-G1"), "0", 30, 45, "WEIBO");
        assertThat(summary("QH-TM2").getLong("figures.started")).isEqualTo(1);
        Fixtures.orgs("QH-TM2-G1,【测试】迁移基层工会,GRASSROOTS,QH-TM3\n");
        assertThat(summary("QH-TM2").getLong("figures.started")).isZero();
        assertThat(summary("QH-TM2").getLong("figures.workers")).isZero();
        JsonPath after = summary("QH-TM3");
        assertThat(after.getLong("figures.started")).isEqualTo(1);
        assertThat(after.getLong("figures.workers")).isEqualTo(1);
        assertThat(after.getLong("figures.secondsSpentTotal")).isEqualTo(45);
    }

    @Test
    void laggardsArePagedAndCountedFromTheCounters() {
        // Laggards come in org path order: the path of ids, compared as text, not the order the unions were made in.
        String firstUnion = Database.string("SELECT o.code FROM worker w JOIN organization o ON o.id = w.org_id "
                + "WHERE w.external_id IN ('ts-w1', 'ts-w2', 'ts-w3', 'ts-w4', 'ts-w6') ORDER BY o.path, w.id LIMIT 1");
        Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/laggards?size=2").then().statusCode(200)
                .body("total", equalTo(5)).body("items.size()", equalTo(2))
                .body("items[0].orgCode", equalTo(firstUnion));
        List<String> all = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/laggards?size=50").then()
                .statusCode(200).extract().jsonPath().getList("items.externalId");
        assertThat(all).containsExactlyInAnyOrder("ts-w1", "ts-w2", "ts-w3", "ts-w4", "ts-w6");
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < 4; page++) {
            paged.addAll(Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/laggards?size=2&page=" + page).then()
                    .statusCode(200).extract().jsonPath().getList("items.externalId"));
        }
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void itemAnalysisCountsAnswersAndPicks() {
        JsonPath items = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/questions?limit=1000").then().statusCode(200)
                .extract().jsonPath();
        long asked = items.getList("questions.asked", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertThat(asked).isEqualTo(Database.count("SELECT COUNT(*) FROM attempt_answer x JOIN quiz_attempt a "
                + "ON a.id = x.attempt_id JOIN worker w ON w.id = a.worker_id WHERE w.external_id LIKE 'ts-w%'"));
        Map<String, Object> choice = items.getList("questions.findAll { it.type == 'SINGLE_CHOICE' }", Map.class).get(0);
        List<Map<String, Object>> options = (List<Map<String, Object>>) choice.get("options");
        assertThat(options).hasSize(4).filteredOn(o -> (Boolean) o.get("isKey")).hasSize(1);
        assertThat(options.stream().mapToLong(o -> ((Number) o.get("picks")).longValue()).sum())
                .isLessThanOrEqualTo(((Number) choice.get("asked")).longValue());
    }

    @Test
    void csvExportHasBomRowsAndNeutralisedCells() {
        io.restassured.response.Response csv = Api.asProvinceAdmin()
                .get("/api/v1/stats/orgs/QH-TS/export?format=csv&sheet=workers");
        csv.then().statusCode(200).header("Content-Disposition",
                org.hamcrest.Matchers.matchesPattern("attachment; filename=\"QH-TS_workers_\\d{4}-\\d{2}-\\d{2}\\.csv\""));
        byte[] bytes = csv.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("工号,姓名,工会编码");
        assertThat(lines).hasSize(7);
        assertThat(text).contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain(",=HYPERLINK");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ts-w5,五,QH-TS-C2-G1"));
    }

    @Test
    void xlsxExportOfTheChildrenReadsBack() throws Exception {
        byte[] xlsx = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/export?format=xlsx&sheet=children")
                .then().statusCode(200).extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook book =
                     new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("工会编码");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("QH-TS-C1");
            assertThat(rows.get(1).getCellAsNumber(3).orElseThrow().intValue()).isEqualTo(4);
        }
        Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH-TS/export?format=pdf").then().statusCode(400);
        Api.as(TestTokens.orgAdmin("ts-admin-c1", "QH-TS-C1")).get("/api/v1/stats/orgs/QH-TS/export").then()
                .statusCode(403);
    }
}
