package cn.qhzgh.study.progress;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.progress.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * One document in two campaigns: reading counts in both, once; each campaign counts only its audience, completes
 * by its own rule and offers its own FINAL; statistics, records, reading lists, quizzes and xAPI follow.
 */
@QuarkusTest
class SharedDocumentApiTest {

    private static final String BASE = "/api/v1/admin/campaigns";
    private static final String SECOND_DOC = "青总发〔2022〕933号";
    private static final String INSIDE = "QH-TSD-G1";
    private static final String OUTSIDE = "QH-TSD-G2";
    private static final String ONE_PART = "QH-TSD-G3";
    private static long founding;
    private static long secondNotice;

    @AfterEach
    void closeTheCampaignsPublishedHere() {
        Campaign.closeAllButFounding();
    }

    @BeforeEach
    void unionsAndDocuments() {
        Fixtures.notice();
        synchronized (SharedDocumentApiTest.class) {
            if (secondNotice == 0) {
                Fixtures.orgs(INSIDE + ",【测试】共享文件基层工会,GRASSROOTS,QH-XN-CD\n"
                        + OUTSIDE + ",【测试】共享文件海东基层工会,GRASSROOTS,QH-HD-LD\n"
                        + ONE_PART + ",【测试】前言活动基层工会,GRASSROOTS,QH-XN-CD\n");
                secondNotice = Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                        .body(Fixtures.noticeText().replace(Campaign.DOC_NUMBER, SECOND_DOC)
                                .getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/admin/notices").then().statusCode(201).extract().jsonPath().getLong("notice.id");
                founding = Database.count("SELECT campaign_id FROM campaign_material WHERE notice_id = ? "
                        + "ORDER BY campaign_id LIMIT 1", Campaign.noticeId());
            }
        }
    }

    private static long publishedCampaign(String audience, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "【测试】共享文件活动", "description", "测试",
                "audience", List.of(audience)));
        body.putAll(fields);
        JsonPath created = Api.asProvinceAdmin().contentType("application/json").body(body).post(BASE).then()
                .statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        String etag = Api.asProvinceAdmin().get(BASE + "/" + id).then().statusCode(200).extract().header("ETag");
        Api.asProvinceAdmin().header("If-Match", etag).post(BASE + "/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private static JsonPath summary(String org, long campaign) {
        return Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + org + "/summary?campaign=" + campaign).then()
                .statusCode(200).body("campaignId", equalTo((int) campaign)).extract().jsonPath();
    }

    private static long module(long notice, String code) {
        return Database.count("SELECT id FROM study_module WHERE notice_id = ? AND code = ?", notice, code);
    }

    @Test
    void readingASharedDocumentCountsOnceInEveryCampaignThatReachesTheWorker() {
        long both = publishedCampaign(INSIDE, Map.of("materials", List.of(Campaign.noticeId(), secondNotice)));
        String inside = TestTokens.worker("tsd-in-1", INSIDE);
        String outside = TestTokens.worker("tsd-out-1", OUTSIDE);
        long shared = module(Campaign.noticeId(), "1");
        ProgressApiTest.send(inside, List.of(event(shared, 100, 240, 30))).then().statusCode(200)
                .body("results[0].creditedSeconds", equalTo(240));
        ProgressApiTest.send(outside, List.of(event(shared, 100, 240, 30))).then().statusCode(200);

        for (long campaign : List.of(founding, both)) {
            JsonPath figures = summary(INSIDE, campaign);
            assertThat(figures.getLong("figures.workers")).as("workers of campaign " + campaign).isEqualTo(1);
            assertThat(figures.getLong("figures.started")).isEqualTo(1);
            assertThat(figures.getLong("figures.secondsSpentTotal")).as("the same seconds, not twice").isEqualTo(240);
        }
        assertThat(summary(OUTSIDE, founding).getLong("figures.started")).isEqualTo(1);
        JsonPath beyondAudience = summary(OUTSIDE, both);
        assertThat(beyondAudience.getLong("figures.workers")).isZero();
        assertThat(beyondAudience.getLong("figures.started")).isZero();
        assertThat(Database.count("SELECT SUM(seconds_spent) FROM module_progress WHERE module_id = ? AND worker_id = "
                + "(SELECT id FROM worker WHERE external_id = 'tsd-in-1')", shared)).isEqualTo(240);

        JsonPath list = Api.as(inside).get("/api/v1/campaigns/" + both + "/modules").then().statusCode(200)
                .extract().jsonPath();
        long firstDocument = Database.count("SELECT COUNT(*) FROM study_module WHERE notice_id = ? AND published = TRUE",
                Campaign.noticeId());
        long secondDocument = Database.count(
                "SELECT COUNT(*) FROM study_module WHERE notice_id = ? AND published = TRUE", secondNotice);
        assertThat(list.getList("id", Long.class)).hasSize((int) (firstDocument + secondDocument))
                .startsWith(Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE "
                        + "ORDER BY position", Campaign.noticeId()).toArray(Long[]::new));
        assertThat(list.getInt("find { it.id == " + shared + " }.percent")).isEqualTo(100);
        Api.as(outside).get("/api/v1/campaigns/" + both + "/modules").then().statusCode(404)
                .body("type", equalTo("urn:qhzgh:study:problem:campaign-not-found"));

        JsonPath records = Api.as(inside).get("/api/v1/me/records?campaign=" + both).then().statusCode(200)
                .extract().jsonPath();
        assertThat(records.getLong("campaignId")).isEqualTo(both);
        assertThat(records.getInt("totalModules")).isEqualTo((int) (firstDocument + secondDocument));
        assertThat(records.getInt("modules.find { it.moduleId == " + shared + " }.percent")).isEqualTo(100);
        Api.as(outside).get("/api/v1/me/records?campaign=" + both).then().statusCode(404);

        List<Map<String, Object>> statements = Api.asProvinceAdmin()
                .get("/api/v1/admin/xapi/statements?org=" + INSIDE + "&limit=50").then().statusCode(200).extract()
                .jsonPath().getList("statements.findAll { it.verb.id.endsWith('progressed') }");
        assertThat(statements).hasSize(1);
        assertThat(new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(statements.get(0))
                .toString()).getList("context.contextActivities.grouping.id", String.class))
                .anyMatch(id -> id.endsWith("/campaigns/" + founding)).anyMatch(id -> id.endsWith("/campaigns/" + both));

        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }

    @Test
    void everyChildRowEqualsThatChildsOwnSummaryWhereverTheAudienceReaches() {
        long partial = publishedCampaign(INSIDE, Map.of("materials", List.of(Campaign.noticeId())));
        long shared = module(Campaign.noticeId(), "1");
        ProgressApiTest.send(TestTokens.worker("tsd-rows-in", INSIDE), List.of(event(shared, 100, 240, 30))).then()
                .statusCode(200);
        ProgressApiTest.send(TestTokens.worker("tsd-rows-out", OUTSIDE), List.of(event(shared, 100, 240, 30))).then()
                .statusCode(200);

        for (long campaign : List.of(founding, partial)) {
            for (String parent : List.of("QH", "QH-XN", "QH-XN-CD", "QH-HD")) {
                List<Map<String, Object>> children = Api.asProvinceAdmin()
                        .get("/api/v1/stats/orgs/" + parent + "/children?campaign=" + campaign).then().statusCode(200)
                        .extract().jsonPath().getList("children");
                assertThat(children).as("children of " + parent).isNotEmpty();
                for (Map<String, Object> row : children) {
                    assertThat(row).as(parent + " > " + row.get("code") + " in campaign " + campaign)
                            .isEqualTo(summary((String) row.get("code"), campaign).getMap("figures"));
                }
            }
        }
        JsonPath province = Api.asProvinceAdmin().get("/api/v1/stats/orgs/QH/children?campaign=" + partial).then()
                .statusCode(200).extract().jsonPath();
        assertThat(province.getLong("children.find { it.code == 'QH-XN' }.workers")).isPositive();
        assertThat(province.getLong("children.find { it.code == 'QH-HD' }.workers")).as("beyond the audience").isZero();
        assertThat(province.getLong("children.find { it.code == 'QH-HD' }.started")).isZero();
    }

    @Test
    void eachCampaignCompletesByItsOwnRuleAndOffersItsOwnFinal() {
        long preface = module(Campaign.noticeId(), "0");
        List<Long> optional = Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE "
                + "AND id <> ?", Campaign.noticeId(), preface);
        long onePart = publishedCampaign(ONE_PART, Map.of("title", "【测试】只读前言", "materials", List.of(Campaign.noticeId()),
                "optionalModuleIds", optional, "finalPassScore", 60));
        String worker = TestTokens.worker("tsd-in-2", ONE_PART);
        int seconds = 60 * Api.as(worker).get("/api/v1/campaigns/" + onePart + "/modules").then().statusCode(200)
                .extract().jsonPath().getInt("find { it.id == " + preface + " }.readingMinutes");
        ProgressApiTest.send(worker, List.of(event(preface, 100, seconds, 20))).then().statusCode(200);

        JsonPath quizzes = Api.as(worker).get("/api/v1/quizzes?campaign=" + onePart).then().statusCode(200)
                .extract().jsonPath();
        long finalQuiz = quizzes.getLong("find { it.kind == 'FINAL' }.id");
        assertThat(Database.count("SELECT campaign_id FROM quiz WHERE id = ?", finalQuiz)).isEqualTo(onePart);
        assertThat(quizzes.getList("findAll { it.kind == 'FINAL' }")).hasSize(1);
        Api.as(TestTokens.worker("tsd-out-2", OUTSIDE)).post("/api/v1/quizzes/" + finalQuiz + "/attempts").then()
                .statusCode(404).body("type", equalTo("urn:qhzgh:study:problem:quiz-not-found"));
        AttemptSolver.pass(worker, finalQuiz);

        Api.as(worker).get("/api/v1/me/records?campaign=" + onePart).then().statusCode(200)
                .body("campaignCompleted", equalTo(true)).body("totalModules", equalTo(1))
                .body("completedModules", equalTo(1));
        Api.as(worker).get("/api/v1/me/records?campaign=" + founding).then().statusCode(200)
                .body("campaignCompleted", equalTo(false));
        assertThat(summary(ONE_PART, onePart).getLong("figures.completed")).isEqualTo(1);
        assertThat(summary(ONE_PART, onePart).getLong("figures.finalPassed")).isEqualTo(1);
        assertThat(summary(ONE_PART, founding).getLong("figures.completed")).isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM campaign_completion c JOIN worker w ON w.id = c.worker_id "
                + "WHERE w.external_id = 'tsd-in-2'")).as("only the campaign whose rule was met").isEqualTo(1);
    }

    @Test
    void aFinalAbandonedPastItsDeadlineCountsAsAttemptedBeforeAnyReconciliation() {
        Reconcile.run();
        String worker = TestTokens.worker("tsd-abandon", ONE_PART);
        long finalQuiz = Api.as(worker).get("/api/v1/quizzes?campaign=" + founding).then().statusCode(200)
                .extract().jsonPath().getLong("find { it.kind == 'FINAL' }.id");
        long attemptedBefore = summary(ONE_PART, founding).getLong("figures.finalAttempted");
        String abandoned = Api.as(worker).post("/api/v1/quizzes/" + finalQuiz + "/attempts").then().statusCode(201)
                .extract().jsonPath().getString("attemptId");
        Database.execute("UPDATE quiz_attempt SET deadline = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), abandoned);
        Api.as(worker).post("/api/v1/quizzes/" + finalQuiz + "/attempts").then().statusCode(201);
        assertThat(Database.string("SELECT status FROM quiz_attempt WHERE id = ?", abandoned)).isEqualTo("LATE");
        assertThat(summary(ONE_PART, founding).getLong("figures.finalAttempted")).isEqualTo(attemptedBefore + 1);
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }
}
