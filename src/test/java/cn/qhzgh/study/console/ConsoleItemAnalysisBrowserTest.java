package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 题目分析 against the API: 32 workers of a test city sit a campaign's FINAL of six bank questions, answering as
 * their ability says (one question everyone gets right, one keyed wrong), so every figure and several flags show.
 */
@QuarkusTest
class ConsoleItemAnalysisBrowserTest extends ConsoleBrowserTest {

    private static final String CITY = "QH-TIP";
    private static final String TAG = "题目分析页测试";
    private static final int WORKERS = 32;
    private static List<Long> questions;
    private static long campaign;

    /** The test's campaign, published for the test city only; closed after the test, as the other tests expect. */
    private static void finalExamSatByTheCity() {
        Fixtures.orgs(CITY + ",【测试】题目分析页市总工会,CITY,QH\n" + CITY + "-G1,【测试】题目分析页基层工会,GRASSROOTS," + CITY + "\n");
        questions = uploadBank();
        campaign = publishCampaign();
        long finalQuiz = Database.count("SELECT id FROM quiz WHERE default_key = ?", "campaign:" + campaign + ":FINAL");
        drawTheBank(finalQuiz);
        Map<Long, String> keys = new HashMap<>();
        for (int n = 0; n < WORKERS; n++) {
            sit(TestTokens.worker(String.format("tip-%02d", n), CITY + "-G1"), finalQuiz, (n * 7) % 10, keys);
        }
    }

    @Test
    void everyFigureIsTheApisAndTheQuestionsSortByAnyOfThem() throws IOException {
        finalExamSatByTheCity();
        browser.open("#/item-analysis/" + CITY + "?campaign=" + campaign);
        browser.signInAs("province-admin");
        browser.waitFor("#item-table");
        JsonPath api = Api.asProvinceAdmin().queryParam("campaign", campaign).queryParam("limit", 1000)
                .get("/api/v1/stats/orgs/" + CITY + "/questions").then().statusCode(200).extract().jsonPath();

        assertThat(browser.text("#final-exam [data-figure='firstAttempts'] .card-value")).isEqualTo(String.valueOf(WORKERS));
        assertThat(api.getLong("finalExam.firstAttempts")).isEqualTo(WORKERS);
        for (String figure : List.of("averageScore", "standardDeviation", "internalConsistency")) {
            assertThat(browser.text("#final-exam [data-figure='" + figure + "'] .card-value")).as(figure)
                    .isEqualTo(percent(api.get("finalExam." + figure)));
        }
        assertThat(flags(browser.waitFor("#final-exam [data-figure='internalConsistency']")))
                .isEqualTo(api.getList("finalExam.flags"));

        List<Map<String, Object>> listed = api.getList("questions");
        assertThat(listed).extracting(q -> ((Number) q.get("questionId")).longValue()).containsAll(questions);
        assertRowsAre(listed);
        // The designed items carry the API's flags as Chinese badges.
        assertThat(browser.all("#item-table tr[data-question='" + questions.get(0) + "'] [data-flag]").get(0).getText())
                .isEqualTo("过易（易度 ≥ 95）");
        assertThat(browser.all("#item-table tr[data-question='" + questions.get(5) + "'] [data-flag='NEGATIVE_DISCRIMINATION']"))
                .hasSize(1);

        browser.click("a.sort[data-sort='facilityIndex']");
        browser.waitForHash("#/item-analysis/" + CITY + "?campaign=" + campaign + "&sort=facilityIndex&order=desc");
        browser.waitFor("#item-table th[aria-sort='descending'] a[data-sort='facilityIndex']");
        assertRowsAre(sorted(listed, "facilityIndex", false));
        browser.click("a.sort[data-sort='discriminationIndex']");
        browser.waitFor("#item-table th[aria-sort='descending'] a[data-sort='discriminationIndex']");
        browser.click("#item-order");
        browser.waitFor("#item-table th[aria-sort='ascending'] a[data-sort='discriminationIndex']");
        assertRowsAre(sorted(listed, "discriminationIndex", true));

        new Select(browser.waitFor("#item-sort")).selectByValue("");
        browser.waitUntilGone("#item-order");
        browser.waitFor("#item-table");
        assertRowsAre(listed);
        assertThat(Files.size(browser.screenshot("item-analysis", 1440))).isPositive();
        assertThat(browser.fitsWidth(375)).as("item analysis on a 375 px phone").isTrue();
        browser.emulateWidth(375, 812);
        try {
            assertThat(browser.script("return getComputedStyle(document.querySelector('#item-table thead')).display"))
                    .as("on a phone each question is a block, without the header row").isEqualTo("none");
        } finally {
            browser.resetViewport();
        }
    }

    @Test
    void anOrgAdminSeesOnlyTheirOwnSubtree() {
        long founding = Campaign.foundingId();
        browser.open("#/item-analysis?campaign=" + founding);
        browser.signInAs("org-admin");
        browser.waitForHash("#/item-analysis/QH-XN?campaign=" + founding);
        browser.waitFor("#item-table");
        assertThat(browser.all("nav.tabs a").stream().map(WebElement::getText).toList()).contains("题目分析")
                .doesNotContain("题库");
        Fixtures.orgs(CITY + ",【测试】题目分析页市总工会,CITY,QH\n");
        browser.go("#/item-analysis/" + CITY + "?campaign=" + founding);
        assertThat(browser.text(".state-error .state-title")).isEqualTo("无权查看：该工会不在您管辖的范围内");
    }

    @AfterEach
    void closeTheCampaignAndRetireTheBank() {
        if (campaign != 0) {
            Campaign.close(campaign);
        }
        for (long question : questions == null ? List.<Long>of() : questions) {
            Campaign.retireQuestion(question);
        }
        campaign = 0;
        questions = null;
    }

    /** The table's rows, in order, show these questions' figures as the API gives them. */
    @SuppressWarnings("unchecked")
    private static void assertRowsAre(List<Map<String, Object>> expected) {
        List<WebElement> rows = browser.all("#item-table tbody tr");
        assertThat(rows.stream().map(r -> Long.valueOf(r.getAttribute("data-question"))).toList())
                .isEqualTo(expected.stream().map(q -> ((Number) q.get("questionId")).longValue()).toList());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> f = (Map<String, Object>) expected.get(i).get("finalExam");
            WebElement row = rows.get(i);
            String at = "question " + expected.get(i).get("questionId") + " ";
            assertThat(cell(row, "firstAttempts")).as(at).isEqualTo(ConsoleText.count(((Number) f.get("firstAttempts")).longValue()));
            for (String figure : List.of("facilityIndex", "discriminationIndex", "discriminativeEfficiency")) {
                assertThat(cell(row, figure)).as(at + figure).isEqualTo(percent(f.get(figure)));
            }
            List<Object> all = new ArrayList<>((List<Object>) f.get("flags"));
            if (expected.get(i).get("flag") != null) {
                all.add(expected.get(i).get("flag"));
            }
            assertThat(flags(row)).as(at + "flags").isEqualTo(all);
        }
    }

    /** The API's order by one figure, figures that are not defined last. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sorted(List<Map<String, Object>> questions, String figure, boolean ascending) {
        Comparator<Double> direction = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return questions.stream().sorted(Comparator.comparing(q -> {
            Object value = ((Map<String, Object>) q.get("finalExam")).get(figure);
            return value == null ? null : ((Number) value).doubleValue();
        }, Comparator.nullsLast(direction))).toList();
    }

    private static String cell(WebElement row, String figure) {
        return row.findElement(By.cssSelector("[data-figure='" + figure + "']")).getText();
    }

    private static List<Object> flags(WebElement element) {
        return element.findElements(By.cssSelector("[data-flag]")).stream().map(b -> (Object) b.getAttribute("data-flag")).toList();
    }

    /** The API's percentages have two decimals; a figure it leaves undefined is a dash. */
    private static String percent(Object value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f%%", ((Number) value).doubleValue());
    }

    // ---- the campaign and the answers, through the API ----

    private static List<Long> uploadBank() {
        StringBuilder bank = new StringBuilder("{\"questions\": [");
        String[][] texts = {{"“三微一端”的“一端”指", "客户端", "网站", "短信", "广播"},
                {"工会组织职工开展劳动和技能竞赛，主要目的是", "提升技能", "增加收入", "减少休假", "延长工时"},
                {"工会“娘家人”的说法强调", "服务职工", "管理职工", "考核职工", "招聘职工"},
                {"“司机之家”主要服务", "货车司机", "教师", "医生", "农民"},
                {"职工书屋属于", "阵地建设", "财务管理", "人事档案", "后勤保障"},
                {"产业工人队伍建设改革的重点是", "技能提升", "减少工时", "提高票价", "合并单位"}};
        for (int i = 0; i < texts.length; i++) {
            bank.append(i == 0 ? "" : ", ").append("{\"type\": \"SINGLE_CHOICE\", \"stem\": \"【题目分析页】").append(texts[i][0])
                    .append("（    ）。\", \"options\": [\"").append(String.join("\", \"", List.of(texts[i]).subList(1, 5)))
                    .append("\"], \"answer\": \"A\", \"tags\": [\"").append(TAG).append("\"]}");
        }
        long bankId = Api.upload("/api/v1/admin/question-banks", "item-analysis-page.json",
                bank.append("]}").toString().getBytes(StandardCharsets.UTF_8), false).statusCode(201)
                .extract().jsonPath().getLong("bankId");
        return Database.longs("SELECT id FROM question WHERE bank_id = ? ORDER BY id", bankId);
    }

    private static long publishCampaign() {
        long id = Api.asProvinceAdmin().contentType("application/json").body(Map.of("title", "【测试】题目分析页学习活动",
                        "description", "题目分析页测试", "audience", List.of(CITY), "materials", List.of(Campaign.noticeId())))
                .post("/api/v1/admin/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        String path = "/api/v1/admin/campaigns/" + id;
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asProvinceAdmin().header("If-Match", etag).post(path + "/publish").then().statusCode(200);
        return id;
    }

    /** Every attempt asks every question of the bank, so each has a first attempt from every worker. */
    private static void drawTheBank(long quiz) {
        String path = "/api/v1/admin/quizzes/" + quiz;
        var current = Api.asProvinceAdmin().get(path).then().statusCode(200).extract();
        Map<String, Object> body = Map.of("title", current.jsonPath().getString("title"), "kind", "FINAL",
                "questionCount", questions.size(), "drawRule", Map.of("tags", List.of(TAG)), "passScore", 60,
                "timeLimitSeconds", 1800, "maxAttempts", 3);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                .put(path).then().statusCode(200);
    }

    /** Question 0 everyone gets right; 1–4 need rising ability; 5 is keyed wrong, so the weak pick the key. */
    private static void sit(String token, long quiz, int ability, Map<Long, String> keys) {
        JsonPath started = Api.as(token).post("/api/v1/quizzes/" + quiz + "/attempts").then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Map<String, Object> shown : started.<Map<String, Object>>getList("questions")) {
            long question = ((Number) shown.get("questionId")).longValue();
            String key = keys.computeIfAbsent(question, q -> Api.asProvinceAdmin().get("/api/v1/admin/questions/" + q)
                    .then().statusCode(200).extract().jsonPath().getString("options.find { it.key == 'A' }.text"));
            boolean right = switch (questions.indexOf(question)) {
                case 0 -> true;
                case 1 -> ability >= 2;
                case 2 -> ability >= 4;
                case 3 -> ability >= 6;
                case 4 -> ability >= 8;
                default -> ability <= 2;
            };
            @SuppressWarnings("unchecked")
            String letter = ((List<Map<String, String>>) shown.get("options")).stream()
                    .filter(o -> o.get("text").equals(key) == right).findFirst().orElseThrow().get("key");
            responses.add(Map.of("questionId", question, "response", List.of(letter)));
        }
        Api.as(token).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("answers", responses)).put("/api/v1/attempts/" + started.getString("attemptId") + "/answers")
                .then().statusCode(200);
    }
}
