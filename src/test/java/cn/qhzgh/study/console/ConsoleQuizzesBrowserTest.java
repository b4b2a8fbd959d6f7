package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 测验设置: a quiz found by kind, edited, refused in Chinese (too many questions, someone else's edit), archived, restored. */
@QuarkusTest
class ConsoleQuizzesBrowserTest extends ConsoleBrowserTest {

    private static final String QUIZZES = "/api/v1/admin/quizzes";
    /** 08:00 in Beijing: a date input shows the day, and saving other fields must not move it to midnight. */
    private static final String OPENS = "2022-11-16T00:00:00Z";

    @Test
    void aQuizIsEditedRefusedInChineseArchivedAndRestored() {
        String moduleCode = Api.asProvinceAdmin().get(QUIZZES + "/" + Campaign.quizzes("MODULE").get(0)).then()
                .statusCode(200).extract().jsonPath().getString("moduleCode");
        Map<String, Object> body = new HashMap<>(Map.of("title", "【测试】控制台测验设置", "kind", "MODULE",
                "moduleCode", moduleCode, "questionCount", 2, "passScore", 60, "timeLimitSeconds", 600, "maxAttempts", 3,
                "opensAt", OPENS));
        long quiz = Api.asProvinceAdmin().contentType("application/json").body(body).post(QUIZZES).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String row = "#quiz-table tr[data-quiz='" + quiz + "'] ";

        browser.open(moduleQuizzesPageOf(quiz, false));
        browser.signInAs("province-admin");
        browser.waitFor("#quiz-table");
        List<Long> modules = Api.asProvinceAdmin().get(QUIZZES).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.kind == 'MODULE' && it.active }.id", Long.class);
        assertThat(browser.text("#page-position")).endsWith("共 " + modules.size() + " 个测验");
        assertThat(browser.all("#quiz-table tbody tr").stream().map(r -> Long.parseLong(r.getAttribute("data-quiz"))))
                .contains(quiz).allSatisfy(id -> assertThat(modules).contains(id));
        assertThat(browser.text(row + "td")).contains("【测试】控制台测验设置", "管理员创建");

        browser.click(row + "button[data-action='edit']");
        browser.waitFor("#quiz-editor");
        set("#quiz-pass", "75");
        set("#quiz-minutes", "15");
        browser.click("#quiz-save");
        browser.waitForText("#quiz-done", "已保存为第 2 版。");
        JsonPath saved = quiz(quiz);
        assertThat(saved.getInt("passScore")).isEqualTo(75);
        assertThat(saved.getInt("timeLimitSeconds")).isEqualTo(900);
        assertThat(saved.getInt("maxAttempts")).isEqualTo(3);
        assertThat(saved.getString("opensAt")).as("a window left alone stays as it was").isEqualTo(OPENS);
        assertThat((Object) saved.get("closesAt")).isNull();
        browser.screenshot("quizzes", 1440);

        set("#quiz-count", "100");
        browser.click("#quiz-save");
        browser.waitFor("#quiz-editor .state-error");
        assertThat(browser.text("#quiz-editor .state-error")).contains("题库中的已审核题目不够", "题数：题库中符合抽题规则的已审核题目只有");
        assertThat(quiz(quiz).getInt("questionCount")).isEqualTo(2);

        String etag = Api.asProvinceAdmin().get(QUIZZES + "/" + quiz).then().extract().header("ETag");
        body.put("passScore", 70);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag).body(body).put(QUIZZES + "/" + quiz)
                .then().statusCode(200);
        set("#quiz-count", "3");
        browser.click("#quiz-save");
        browser.waitFor("#quiz-conflict");
        assertThat(quiz(quiz).getInt("questionCount")).as("the stale edit is not written").isEqualTo(2);
        browser.click("#quiz-reload");
        browser.waitFor("#quiz-editor");
        assertThat(browser.all("#quiz-pass").get(0).getAttribute("value")).isEqualTo("70");
        browser.click("#quiz-cancel");
        assertThat(browser.fitsWidth(375)).as("the quizzes on a 375 px phone").isTrue();

        browser.script("window.confirm = () => true");
        browser.click(row + "button[data-action='archive']");
        browser.waitFor("#quiz-done");
        assertThat(quiz(quiz).getBoolean("active")).isFalse();
        browser.go(moduleQuizzesPageOf(quiz, true));
        browser.click(row + "button[data-action='restore']");
        browser.waitFor(row + "button[data-action='archive']");
        assertThat(quiz(quiz).getBoolean("active")).isTrue();
    }

    @Test
    void orgAdminsHaveNoTabAndATypedAddressShowsTheRefusal() {
        browser.open("#/dashboard");
        browser.signInAs("org-admin");
        browser.waitFor("#children");
        assertThat(browser.all("nav.tabs a").stream().map(WebElement::getText).toList()).doesNotContain("测验设置");
        browser.go("#/quizzes");
        browser.waitForText(".state-error .state-title", "无权访问：测验设置仅对省总管理员开放");
    }

    /** The page of MODULE quizzes (50 a page, in id order) that lists this one. */
    private static String moduleQuizzesPageOf(long quiz, boolean archived) {
        String active = archived ? "" : " AND active = TRUE";
        long before = Database.count("SELECT COUNT(*) FROM quiz WHERE kind = 'MODULE' AND id < ?" + active, quiz);
        return "#/quizzes?kind=MODULE" + (archived ? "&archived=1" : "") + "&page=" + before / 50;
    }

    private static void set(String css, String value) {
        WebElement input = browser.waitFor(css);
        input.clear();
        input.sendKeys(value);
    }

    private static JsonPath quiz(long id) {
        return Api.asProvinceAdmin().get(QUIZZES + "/" + id).then().statusCode(200).extract().jsonPath();
    }
}
