package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** A notice import derives key phrases, approved questions and the default quizzes, in one transaction. */
@QuarkusTest
class GeneratedQuestionsApiTest {

    private static JsonPath importNotice(String text) {
        return Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/notices")
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath();
    }

    @Test
    void importGeneratesQuestionsPhrasesAndDefaultQuizzes() {
        String text = Fixtures.noticeText().replace("青总发〔2022〕24号", "青总发〔2022〕951号");
        JsonPath result = importNotice(text);
        assertThat(result.getInt("questions.approved")).isGreaterThanOrEqualTo(150);
        assertThat(result.getInt("questions.created")).isEqualTo(result.getInt("questions.approved"));
        assertThat(result.getInt("questions.keyPhrases")).isGreaterThan(50);
        long noticeId = result.getLong("notice.id");

        assertThat(Database.count("SELECT COUNT(*) FROM key_phrase k JOIN study_module m ON m.id = k.module_id "
                + "WHERE m.notice_id = ? AND k.kind = 'FORMULA' AND k.text = '四个意识' AND k.number_value = 4", noticeId))
                .as("四个意识 stands in modules 1 and 3.1").isEqualTo(2);
        for (String phrase : new String[]{"司机之家", "三微一端", "两个确立", "转作风、解难题、促发展、保稳定"}) {
            assertThat(Database.count("SELECT COUNT(*) FROM question q JOIN question_version v "
                    + "ON v.question_id = q.id AND v.version = q.current_version WHERE q.notice_id = ? "
                    + "AND q.status = 'APPROVED' AND q.key_phrase = ?", noticeId, phrase))
                    .as("approved questions on %s", phrase).isPositive();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM quiz WHERE notice_id = ? AND kind = 'MODULE'", noticeId))
                .isEqualTo(14);
        assertThat(Database.count("SELECT COUNT(*) FROM quiz WHERE notice_id = ? AND kind IN ('FINAL', 'DAILY')",
                noticeId)).isEqualTo(2);
    }

    @Test
    void reimportKeepsQuestionIdsAndRetiresOnlyWhatChanged() {
        String text = Fixtures.noticeText().replace("青总发〔2022〕24号", "青总发〔2022〕952号");
        JsonPath first = importNotice(text);
        long noticeId = first.getLong("notice.id");
        long quizzes = Database.count("SELECT COUNT(*) FROM quiz WHERE notice_id = ?", noticeId);
        JsonPath second = importNotice(text.replace("“司机之", "“货车司机之"));
        assertThat(second.getInt("questions.kept")).isGreaterThan(100);
        assertThat(second.getInt("questions.retired")).isPositive();
        assertThat(Database.count("SELECT COUNT(*) FROM question WHERE notice_id = ? AND status = 'RETIRED'", noticeId))
                .isEqualTo(second.getInt("questions.retired"));
        assertThat(Database.count("SELECT COUNT(*) FROM quiz WHERE notice_id = ?", noticeId)).isEqualTo(quizzes);
    }

    @Test
    void workersTakeTheDefaultFinalExamWithoutSeeingAnswers() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs("QH-TG-G1,【测试】结业考试基层工会,GRASSROOTS,QH-XN-CD\n");
        String worker = TestTokens.worker("tg-final-1", "QH-TG-G1");
        long finalExam = Api.as(worker).get("/api/v1/quizzes").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.kind == 'FINAL' }.id");
        String payload = Api.as(worker).post("/api/v1/quizzes/" + finalExam + "/attempts").then().statusCode(201)
                .body("questions.size()", greaterThanOrEqualTo(20))
                .body("questions.size()", equalTo(20))
                .extract().asString();
        assertThat(payload).doesNotContain("\"answer\"", "\"explanation\"", "原文（");
        Api.asProvinceAdmin().get("/api/v1/admin/questions?source=GENERATED&type=FILL_BLANK&size=5").then()
                .statusCode(200).body("items[0].answer.size()", greaterThanOrEqualTo(1));
    }
}
