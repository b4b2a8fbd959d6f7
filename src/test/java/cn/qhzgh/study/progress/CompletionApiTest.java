package cn.qhzgh.study.progress;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.qhzgh.study.progress.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Completion on the real notice 青总发〔2022〕24号 with its generated default quizzes. */
@QuarkusTest
class CompletionApiTest {

    @BeforeEach
    void data() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs("QH-TC-G1,【测试】完成测试基层工会,GRASSROOTS,QH-XN-CD\n");
    }

    private static List<Map<String, Object>> quizzes(String worker) {
        return Api.as(worker).get("/api/v1/quizzes").then().statusCode(200).extract().jsonPath().getList("$");
    }


    @Test
    void aModuleWithAQuizNeedsReadingAndAPass() {
        String worker = TestTokens.worker("tc-module-1", "QH-TC-G1");
        long module41 = ProgressApiTest.moduleId("4.1");
        ProgressApiTest.send(worker, List.of(event(module41, 100, 240, 30))).then().statusCode(200);
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200)
                .body("modules.find { it.code == '4.1' }.percent", equalTo(100))
                .body("modules.find { it.code == '4.1' }.completed", equalTo(false));
        long quiz = quizzes(worker).stream().filter(q -> "4.1".equals(q.get("moduleCode"))
                        && Database.count("SELECT notice_id FROM quiz WHERE id = ?", q.get("id")) == Campaign.noticeId())
                .map(q -> ((Number) q.get("id")).longValue()).findFirst().orElseThrow();
        JsonPath passed = AttemptSolver.pass(worker, quiz);
        assertThat(passed.getInt("score")).isEqualTo(100);
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200)
                .body("modules.find { it.code == '4.1' }.completed", equalTo(true))
                .body("modules.find { it.code == '4.1' }.bestScore", equalTo(100))
                .body("modules.find { it.code == '4.1' }.completedAt", equalTo(passed.getString("submittedAt")))
                .body("campaignCompleted", equalTo(false));
    }

    @Test
    void campaignCompletesWhenEveryModuleIsCompleteAndTheFinalIsPassed() {
        String worker = TestTokens.worker("tc-campaign-1", "QH-TC-G1");
        Campaign.readEverything(worker, "APP");
        Campaign.passEveryModuleQuiz(worker);
        int modules = (int) Database.count("SELECT COUNT(*) FROM study_module WHERE notice_id = ? AND published = TRUE",
                Campaign.noticeId());
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200)
                .body("completedModules", equalTo(modules))
                .body("totalModules", equalTo(modules))
                .body("campaignCompleted", equalTo(false));
        JsonPath passed = AttemptSolver.pass(worker, Campaign.quizzes("FINAL").get(0));
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200)
                .body("campaignCompleted", equalTo(true))
                .body("campaignCompletedAt", equalTo(passed.getString("submittedAt")));
        assertThat(Database.count("SELECT COUNT(*) FROM campaign_completion c JOIN worker w ON w.id = c.worker_id "
                + "WHERE w.external_id = 'tc-campaign-1'")).isEqualTo(1);
    }
}
