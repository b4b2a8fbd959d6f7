package cn.qhzgh.study.progress;

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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.progress.Events.event;
import static cn.qhzgh.study.progress.Events.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Only reading time that could have happened is credited (study.progress.credit.*: 3x cap, a third to complete). */
@QuarkusTest
class ReadingCreditApiTest {

    private static final String ORG = "QH-TR-G1";

    @BeforeEach
    void data() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(ORG + ",【测试】学时测试基层工会,GRASSROOTS,QH-XN-CD\nQH-TR-G2,【测试】学时测试二基层工会,GRASSROOTS,QH-XN-CD\n");
    }

    private static int readingMinutes(String worker, long moduleId) {
        return Api.as(worker).get("/api/v1/modules").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.id == " + moduleId + " }.readingMinutes");
    }

    private static List<Integer> credited(JsonPath response) {
        return response.getList("results.creditedSeconds", Integer.class);
    }

    private static int sum(List<Integer> seconds) {
        return seconds.stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, Object> moduleRecord(String worker, String code) {
        return Api.as(worker).get("/api/v1/me/records").then().statusCode(200).extract().jsonPath()
                .getMap("modules.find { it.code == '" + code + "' }");
    }

    private static JsonPath reconcile() {
        return Reconcile.run();
    }

    private static long drift(JsonPath report, String table) {
        return report.getLong("tables.find { it.table == '" + table + "' }.driftedRows");
    }

    @Test
    void aHundredHoursStampedTheSameSecondAreCreditedAtMostTheSpanAndTheCap() {
        reconcile();
        String worker = TestTokens.worker("tr-burst", ORG);
        long module = ProgressApiTest.moduleId("1");
        long cap = 3L * readingMinutes(worker, module) * 60;
        long expected = Math.min(3600, cap);
        String sameSecond = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString();
        List<Map<String, Object>> burst = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(with(event(module, 1 + i % 99, 3600, 0), "occurredAt", sameSecond));
        }
        JsonPath first = ProgressApiTest.send(worker, burst).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("results.status")).containsOnly("ACCEPTED").hasSize(100);
        assertThat(credited(first)).allMatch(s -> s >= 0 && s <= 3600);
        assertThat(sum(credited(first))).isEqualTo(expected);

        JsonPath retried = ProgressApiTest.send(worker, burst).then().statusCode(200).extract().jsonPath();
        assertThat(retried.getList("results.status")).containsOnly("DUPLICATE");
        assertThat(credited(retried)).containsOnly(0);

        assertThat(((Number) moduleRecord(worker, "1").get("secondsSpent")).longValue()).isEqualTo(expected);
        Api.asProvinceAdmin().get("/api/v1/admin/workers/tr-burst/records").then().statusCode(200)
                .body("modules.find { it.code == '1' }.secondsSpent", equalTo((int) expected));
        assertThat(Database.count("SELECT SUM(e.seconds_spent) FROM progress_event e JOIN worker w ON w.id = e.worker_id "
                + "WHERE w.external_id = 'tr-burst'")).as("the claims stay as the audit trail").isEqualTo(360_000);
        JsonPath summary = Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + ORG + "/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getLong("figures.secondsSpentTotal")).isEqualTo(expected);
        JsonPath channels = Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + ORG + "/channels").then().statusCode(200)
                .extract().jsonPath();
        assertThat(channels.getLong("find { it.channel == 'WECHAT' }.secondsSpent")).isEqualTo(expected);
        List<String> durations = Api.asProvinceAdmin().get("/api/v1/admin/xapi/statements?org=" + ORG + "&limit=500")
                .then().statusCode(200).extract().jsonPath()
                .getList("statements.findAll { it.verb.display['en-US'] == 'progressed' }.result.duration");
        assertThat(durations).hasSize(100);
        assertThat(durations.stream().mapToLong(d -> Long.parseLong(d.replaceAll("\\D", ""))).sum()).isEqualTo(expected);

        assertThat(reconcile().getLong("totalDrift")).isZero();
    }

    @Test
    void oneSecondIsCreditedOnceAcrossModulesAndBatches() {
        String worker = TestTokens.worker("tr-overlap", "QH-TR-G2");
        long moduleA = ProgressApiTest.moduleId("1");
        long moduleB = ProgressApiTest.moduleId("2.1");
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(30);
        Map<String, Object> a = with(event(moduleA, 50, 60, 0), "occurredAt", end.toString());
        Map<String, Object> b = with(event(moduleB, 50, 60, 0), "occurredAt", end.plusSeconds(20).toString());
        JsonPath one = ProgressApiTest.send(worker, List.of(a)).then().statusCode(200).extract().jsonPath();
        JsonPath two = ProgressApiTest.send(worker, List.of(b, a)).then().statusCode(200).extract().jsonPath();
        assertThat(credited(one)).containsExactly(60);
        assertThat(two.getList("results.status")).containsExactly("ACCEPTED", "DUPLICATE");
        assertThat(credited(two)).containsExactly(20, 0);
        assertThat(Database.count("SELECT seconds_spent FROM worker_campaign c JOIN worker w ON w.id = c.worker_id "
                + "WHERE w.external_id = 'tr-overlap'")).isEqualTo(80);
    }

    @Test
    void completingAModuleNeedsAThirdOfItsReadingTimeCredited() {
        String worker = TestTokens.worker("tr-complete", ORG);
        long module = ProgressApiTest.moduleId("1");
        int minimum = (int) Math.ceil(readingMinutes(worker, module) * 60 / 3.0);
        ProgressApiTest.send(worker, List.of(event(module, 100, minimum - 1, 20))).then().statusCode(200)
                .body("results[0].creditedSeconds", equalTo(minimum - 1));
        assertThat(moduleRecord(worker, "1")).containsEntry("percent", 100).containsEntry("completed", false);
        ProgressApiTest.send(worker, List.of(event(module, 100, 1, 10))).then().statusCode(200)
                .body("results[0].creditedSeconds", equalTo(1));
        assertThat(moduleRecord(worker, "1")).containsEntry("completed", true);
    }

    @Test
    void aPassedModuleQuizCompletesOnlyOnceTheMinimumIsCredited() {
        String worker = TestTokens.worker("tr-quiz", ORG);
        long module = ProgressApiTest.moduleId("4.1");
        int minimum = (int) Math.ceil(readingMinutes(worker, module) * 60 / 3.0);
        ProgressApiTest.send(worker, List.of(event(module, 100, 1, 20))).then().statusCode(200);
        long quiz = Campaign.quizzes("MODULE").stream()
                .filter(q -> "4.1".equals(Database.string("SELECT module_code FROM quiz WHERE id = ?", q)))
                .findFirst().orElseThrow();
        AttemptSolver.pass(worker, quiz);
        assertThat(moduleRecord(worker, "4.1")).containsEntry("completed", false);
        ProgressApiTest.send(worker, List.of(event(module, 100, minimum, 10))).then().statusCode(200);
        assertThat(moduleRecord(worker, "4.1")).containsEntry("completed", true);
    }

    /** Events stored before credit existed have no credit: the reconciliation credits them as a live request would. */
    @Test
    void reconciliationCreditsEventsStoredBeforeCreditExisted() {
        String worker = TestTokens.worker("tr-legacy", "QH-TR-G2");
        long moduleA = ProgressApiTest.moduleId("1");
        long moduleB = ProgressApiTest.moduleId("0");
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).toString();
        ProgressApiTest.send(worker, List.of(with(event(moduleA, 40, 3600, 0), "occurredAt", at),
                with(event(moduleB, 40, 3600, 0), "occurredAt", at))).then().statusCode(200);
        ProgressApiTest.send(worker, List.of(event(moduleA, 60, 300, 30), event(moduleB, 60, 30, 40),
                event(moduleA, 90, 120, 20))).then().statusCode(200);
        String sql = "SELECT e.credited_seconds FROM progress_event e JOIN worker w ON w.id = e.worker_id "
                + "WHERE w.external_id = 'tr-legacy' ORDER BY e.event_id";
        List<Long> live = Database.longs(sql);
        Map<String, Object> recordBefore = moduleRecord(worker, "1");
        reconcile();

        long workerId = Database.count("SELECT id FROM worker WHERE external_id = 'tr-legacy'");
        Database.execute("UPDATE progress_event SET credited_seconds = NULL WHERE worker_id = " + workerId);
        Database.execute("UPDATE module_progress SET credited_seconds = seconds_spent WHERE worker_id = " + workerId);
        Database.execute("DELETE FROM worker_credit WHERE worker_id = " + workerId);
        JsonPath repaired = reconcile();
        assertThat(drift(repaired, "progress_event")).isEqualTo(5);
        assertThat(drift(repaired, "module_progress")).isEqualTo(2);
        assertThat(Database.longs(sql)).isEqualTo(live);
        assertThat(moduleRecord(worker, "1")).isEqualTo(recordBefore);
        assertThat(reconcile().getLong("totalDrift")).isZero();
        JsonPath next = ProgressApiTest.send(worker, List.of(with(event(moduleA, 95, 3600, 0), "occurredAt", at)))
                .then().statusCode(200).extract().jsonPath();
        assertThat(credited(next)).as("the rebuilt spans hold the reconciled credit").containsExactly(0);
    }
}
