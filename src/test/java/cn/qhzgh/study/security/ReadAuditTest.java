package cn.qhzgh.study.security;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bulk read of personal data leaves an audit entry: who read, which scope, how many rows. */
@QuarkusTest
class ReadAuditTest {

    private static final String CITY = "QH-RA";
    private static final String UNION = "QH-RA-G1";
    private static final String ADMIN = "ra-admin";
    private static boolean built;

    @BeforeEach
    void tree() {
        Fixtures.skeleton();
        Fixtures.notice();
        synchronized (ReadAuditTest.class) {
            if (built) {
                return;
            }
            Fixtures.orgs(CITY + ",【测试】审计读取市总工会,CITY,QH\n" + UNION + ",【测试】审计读取基层工会,GRASSROOTS," + CITY + "\n");
            Api.upload("/api/v1/admin/workers/import", "ra.csv", ("external_id,name,org_code,phone\n"
                    + "ra-w1,一,QH-RA-G1,13900000001\nra-w2,二,QH-RA-G1,\nra-w3,三,QH-RA-G1,\n")
                    .getBytes(StandardCharsets.UTF_8), false).statusCode(200);
            long module = Database.count("SELECT id FROM study_module WHERE notice_id = ? AND code = '1'",
                    Campaign.noticeId());
            Api.as(TestTokens.worker("ra-w1", UNION)).contentType("application/json")
                    .body(Map.of("events", List.of(Map.of("eventId", UUID.randomUUID().toString(), "moduleId", module,
                            "percent", 50, "secondsSpent", 60, "channel", "APP", "occurredAt",
                            OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString()))))
                    .post("/api/v1/me/progress").then().statusCode(200);
            built = true;
        }
    }

    private static String admin() {
        return TestTokens.orgAdmin(ADMIN, CITY);
    }

    /** The newest audit entry with this action and target, as the audit API shows it. */
    private static Map<String, Object> newest(String action, String target) {
        List<Map<String, Object>> entries = Api.asProvinceAdmin().get("/api/v1/admin/audit?size=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return entries.stream().filter(e -> action.equals(e.get("action")) && target.equals(e.get("target")))
                .findFirst().orElseThrow(() -> new AssertionError("no audit entry " + action + " " + target
                        + " among " + entries));
    }

    private static void assertRead(String action, String target, long rows) {
        Map<String, Object> entry = newest(action, target);
        assertThat(entry).containsEntry("actor", ADMIN).containsEntry("role", "org-admin");
        assertThat(((Number) entry.get("rowsRead")).longValue()).isEqualTo(rows);
    }

    @Test
    void workerListsOneWorkerAndTheirRecordsAreAudited() {
        int listed = Api.as(admin()).get("/api/v1/admin/workers?org=" + UNION + "&size=2").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
        assertThat(listed).isEqualTo(2);
        assertRead("workers.list", "org:" + UNION, 2);
        assertThat((String) newest("workers.list", "org:" + UNION).get("detail")).isEqualTo("page 0, size 2");

        Api.as(admin()).get("/api/v1/admin/workers/ra-w1").then().statusCode(200);
        assertRead("workers.get", "worker:ra-w1", 1);

        int modules = Api.as(admin()).get("/api/v1/admin/workers/ra-w2/records").then().statusCode(200)
                .extract().jsonPath().getList("modules").size();
        assertThat(modules).isPositive();
        assertRead("workers.records", "worker:ra-w2", modules);
    }

    @Test
    void laggardsExportsAndXapiStatementsAreAuditedWithTheirRowCounts() {
        int laggards = Api.as(admin()).get("/api/v1/stats/orgs/" + CITY + "/laggards").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
        assertThat(laggards).isEqualTo(3);
        assertRead("stats.laggards", "org:" + CITY, 3);

        String csv = Api.as(admin()).get("/api/v1/stats/orgs/" + CITY + "/export?format=csv&sheet=workers").then()
                .statusCode(200).extract().asString();
        assertThat(csv.lines().count()).isEqualTo(4);
        assertRead("stats.export", "org:" + CITY, 3);
        assertThat((String) newest("stats.export", "org:" + CITY).get("detail")).isEqualTo("sheet workers, csv");

        int statements = Api.as(admin()).get("/api/v1/admin/xapi/statements?org=" + UNION).then().statusCode(200)
                .extract().jsonPath().getList("statements").size();
        assertThat(statements).isPositive();
        assertRead("xapi.statements", "org:" + UNION, statements);
    }

    @Test
    void aRefusedReadLeavesNoReadEntry() {
        String outsider = TestTokens.orgAdmin("ra-outsider", "QH-XN");
        Api.as(outsider).get("/api/v1/admin/workers/ra-w1").then().statusCode(403);
        Api.as(outsider).get("/api/v1/admin/workers?org=" + UNION).then().statusCode(403);
        assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE actor = 'ra-outsider'")).isZero();
    }

    @Test
    void adminWritesCarryNoRowCount() {
        Fixtures.orgs("QH-RA-G2,【测试】审计读取第二基层工会,GRASSROOTS," + CITY + "\n");
        Map<String, Object> entry = newest("orgs.import", "file:orgs.csv");
        assertThat(entry.get("rowsRead")).isNull();
    }
}
