package cn.qhzgh.study.xapi;

import cn.qhzgh.study.progress.ProgressApiTest;
import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static cn.qhzgh.study.progress.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class XapiApiTest {

    private static final Pattern UUID_V5 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final String ORG = "QH-TX-G1";
    private static boolean activityCreated;

    @BeforeEach
    void activity() {
        Fixtures.skeleton();
        Fixtures.notice();
        synchronized (XapiApiTest.class) {
            if (activityCreated) {
                return;
            }
            Fixtures.orgs(ORG + ",【测试】学习记录导出基层工会,GRASSROOTS,QH-HB-MY\n");
            String worker = TestTokens.worker("tx-w-1", ORG);
            ProgressApiTest.send(worker, List.of(event(ProgressApiTest.moduleId("1"), 60, 120, 30),
                    event(ProgressApiTest.moduleId("1"), 100, 200, 20), event(ProgressApiTest.moduleId("0"), 100, 90, 10)))
                    .then().statusCode(200);
            long quiz = Api.as(worker).get("/api/v1/quizzes").then().extract().jsonPath()
                    .getLong("find { it.kind == 'DAILY' }.id");
            AttemptSolver.pass(worker, quiz);
            activityCreated = true;
        }
    }

    private static JsonPath page(String query) {
        return Api.asProvinceAdmin().get("/api/v1/admin/xapi/statements?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Map<String, Object>> all(int limit) {
        List<Map<String, Object>> statements = new ArrayList<>();
        JsonPath page = page("org=" + ORG + "&limit=" + limit);
        for (int pages = 0; pages < 20; pages++) {
            statements.addAll(page.getList("statements"));
            String more = page.getString("more");
            if (more.isEmpty()) {
                return statements;
            }
            page = Api.asProvinceAdmin().get(more).then().statusCode(200).extract().jsonPath();
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void statementsCarryTheFieldsTheSpecRequires() {
        List<Map<String, Object>> statements = all(100);
        // 3 progressed, 2 module completions, 1 daily quiz passed
        assertThat(statements).hasSize(6);
        for (Map<String, Object> s : statements) {
            assertThat((String) s.get("id")).matches(UUID_V5);
            assertThat(s.get("version")).isEqualTo("1.0.3");
            Map<String, Object> actor = (Map<String, Object>) s.get("actor");
            assertThat(actor.get("objectType")).isEqualTo("Agent");
            assertThat((Map<String, Object>) actor.get("account"))
                    .containsEntry("name", "tx-w-1").containsEntry("homePage", "https://study.qhzgh.example");
            Map<String, Object> verb = (Map<String, Object>) s.get("verb");
            assertThat((String) verb.get("id")).matches("http://adlnet\\.gov/expapi/verbs/(progressed|completed|passed|failed)");
            assertThat((Map<String, String>) verb.get("display")).containsKey("en-US");
            Map<String, Object> object = (Map<String, Object>) s.get("object");
            assertThat(object.get("objectType")).isEqualTo("Activity");
            assertThat((String) object.get("id")).startsWith("https://study.qhzgh.example/xapi/activities/");
            assertThat(Instant.parse((String) s.get("timestamp"))).isNotNull();
            assertThat(Instant.parse((String) s.get("stored"))).isNotNull();
        }
        assertThat(statements).filteredOn(s -> ((Map<String, Object>) s.get("verb")).get("id").toString()
                .endsWith("/progressed")).hasSize(3).allSatisfy(s -> {
                    Map<String, Object> result = (Map<String, Object>) s.get("result");
                    assertThat((String) result.get("duration")).matches("PT\\d+S");
                    assertThat((Map<String, Object>) result.get("extensions"))
                            .containsKey("https://w3id.org/xapi/cmi5/result/extensions/progress");
                });
        assertThat(statements).filteredOn(s -> ((Map<String, Object>) s.get("verb")).get("id").toString()
                .endsWith("/passed")).singleElement().satisfies(s -> {
                    Map<String, Object> score = (Map<String, Object>) ((Map<String, Object>) s.get("result")).get("score");
                    assertThat(((Number) score.get("scaled")).doubleValue()).isBetween(0.0, 1.0);
                    assertThat(score).containsEntry("raw", 100).containsEntry("min", 0).containsEntry("max", 100);
                });
    }

    @Test
    void idsAreStableAcrossExportsAndPagingNeitherSkipsNorRepeats() {
        List<String> once = all(100).stream().map(s -> (String) s.get("id")).toList();
        List<String> paged = all(2).stream().map(s -> (String) s.get("id")).toList();
        assertThat(paged).containsExactlyElementsOf(once).doesNotHaveDuplicates();
    }

    @Test
    void exportIsScopedAndValidated() {
        Api.as(TestTokens.orgAdmin("tx-admin-hb", "QH-HB")).get("/api/v1/admin/xapi/statements?org=" + ORG)
                .then().statusCode(200).body("statements.size()", equalTo(6));
        Api.as(TestTokens.orgAdmin("tx-admin-xn", "QH-XN")).get("/api/v1/admin/xapi/statements?org=" + ORG)
                .then().statusCode(403);
        Api.asProvinceAdmin().get("/api/v1/admin/xapi/statements?org=" + ORG + "&cursor=" + UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        Api.asProvinceAdminBreakingContract("since is not a date-time").get("/api/v1/admin/xapi/statements?org="
                        + ORG + "&since=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
        assertThat(page("org=" + ORG + "&since=" + Instant.now().plusSeconds(3600)).getList("statements")).isEmpty();
    }

    @Test
    void corruptedCursorsAndSincesOutOfRangeAre400NotServerErrors() {
        String beyondInstant = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("99999999999999999:0:0:7".getBytes(StandardCharsets.UTF_8));
        String noSuchKind = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1668907800:0:9:7".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of(beyondInstant, noSuchKind)) {
            Api.asProvinceAdmin().queryParam("org", ORG).queryParam("cursor", cursor)
                    .get("/api/v1/admin/xapi/statements").then().statusCode(400)
                    .body("errors[0].field", equalTo("cursor"));
        }
        Api.asProvinceAdminBreakingContract("since beyond year 9999").queryParam("org", ORG)
                .queryParam("since", "+999999999-12-31T23:59:59Z")
                .get("/api/v1/admin/xapi/statements").then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
    }
}
