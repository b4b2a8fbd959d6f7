package cn.qhzgh.study.progress;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
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

    private static long noticeId() {
        return Database.count("SELECT id FROM notice WHERE doc_number = '青总发〔2022〕24号'");
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
                        && Database.count("SELECT notice_id FROM quiz WHERE id = ?", q.get("id")) == noticeId())
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
        long notice = noticeId();
        List<Number> modules = Database.count("SELECT COUNT(*) FROM study_module WHERE notice_id = ? AND published = TRUE",
                notice) > 0 ? idsOfPublishedModules(notice) : List.of();
        ProgressApiTest.send(worker, modules.stream().map(id -> event(id.longValue(), 100, 300, 50)).toList())
                .then().statusCode(200);
        List<Map<String, Object>> ofNotice = quizzes(worker).stream()
                .filter(q -> Database.count("SELECT notice_id FROM quiz WHERE id = ?", q.get("id")) == notice).toList();
        long finalExam = 0;
        for (Map<String, Object> quiz : ofNotice) {
            long id = ((Number) quiz.get("id")).longValue();
            if ("MODULE".equals(quiz.get("kind"))) {
                AttemptSolver.pass(worker, id);
            } else if ("FINAL".equals(quiz.get("kind"))) {
                finalExam = id;
            }
        }
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200)
                .body("completedModules", equalTo(modules.size()))
                .body("totalModules", equalTo(modules.size()))
                .body("campaignCompleted", equalTo(false));
        JsonPath passed = AttemptSolver.pass(worker, finalExam);
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200)
                .body("campaignCompleted", equalTo(true))
                .body("campaignCompletedAt", equalTo(passed.getString("submittedAt")));
        assertThat(Database.count("SELECT COUNT(*) FROM campaign_completion c JOIN worker w ON w.id = c.worker_id "
                + "WHERE w.external_id = 'tc-campaign-1'")).isEqualTo(1);
    }

    private static List<Number> idsOfPublishedModules(long notice) {
        List<Number> ids = new java.util.ArrayList<>();
        long count = Database.count("SELECT COUNT(*) FROM study_module WHERE notice_id = ? AND published = TRUE", notice);
        for (int i = 0; i < count; i++) {
            ids.add(Database.count("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE ORDER BY position "
                    + "LIMIT 1 OFFSET " + i, notice));
        }
        return ids;
    }
}
