package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 题库 as the province admin: a broken bank's every problem at its row and column, a good one imported and listed,
 * exported and retired from the list; an edit that meets someone else's change in between is refused and explained.
 */
@QuarkusTest
class ConsoleQuestionBankBrowserTest extends ConsoleBrowserTest {

    private static final String HEADER = "type,stem,option_a,option_b,option_c,option_d,answer,explanation,module_code,tags\n";
    /** Bank questions are drawn by every quiz: each test retires its own afterwards, as the other tests met the pools. */
    private static final List<Long> UPLOADED_BANKS = new ArrayList<>();

    @Test
    void aBrokenBankShowsEveryProblemAtItsRowAndColumnAndAGoodOneIsImportedListedAndExported() throws IOException {
        String marker = "【页面题库" + System.nanoTime() % 1_000_000 + "】";
        String broken = HEADER
                + "单选题," + marker + "好题,甲,乙,丙,丁,A,,,\n"           // row 2: fine
                + "单选题,,甲,乙,丙,丁,A,,,\n"                            // row 3: empty stem
                + "单选题," + marker + "答案不存在,甲,乙,,,D,,,\n"         // row 4: answer names no option
                + "画图题," + marker + "题型错误,甲,乙,,,A,,,\n"           // row 5: unknown type
                + "多选题," + marker + "选项重复,甲,甲,丙,,AB,,x.1,\n";    // row 6: same option twice, bad module code
        browser.open("#/question-bank?source=UPLOADED");
        browser.signInAs("province-admin");
        browser.waitFor("#bank-upload");
        choose(broken, "broken.csv");
        browser.click("#bank-check");
        browser.waitFor("#bank-errors");

        JsonPath expected = Api.upload("/api/v1/admin/question-banks", "broken.csv",
                broken.getBytes(StandardCharsets.UTF_8), true).statusCode(422).extract().jsonPath();
        List<Map<String, Object>> errors = expected.getList("errors");
        assertThat(errors).hasSizeGreaterThanOrEqualTo(5);
        List<WebElement> rows = browser.all("#bank-errors tbody tr");
        assertThat(rows.stream().map(r -> r.getAttribute("data-row") + ":" + r.getAttribute("data-column")).toList())
                .isEqualTo(errors.stream().map(e -> e.get("row") + ":" + e.get("column")).toList())
                .contains("3:stem", "4:answer", "5:type", "6:module_code");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).findElement(By.cssSelector(".where-row")).getText())
                    .isEqualTo("第 " + errors.get(i).get("row") + " 行");
            assertThat(rows.get(i).findElement(By.cssSelector(".problem-message")).getAttribute("data-message"))
                    .isEqualTo(errors.get(i).get("message"));
        }
        assertThat(problem("3", "stem")).isEqualTo("题干 stem:不能为空");
        assertThat(problem("4", "answer")).isEqualTo("答案 answer:答案 D 不是本题的选项");
        assertThat(problem("6", "module_code")).isEqualTo("模块编号 module_code:“x.1”不是模块编号（应为 0、3 或 3.1 这样的编号）");
        assertThat(browser.text("#bank-problems .problems-title")).isEqualTo("发现 " + errors.size() + " 个问题，整个文件都没有导入");
        assertThat(browser.all("#bank-import").get(0).isEnabled()).isFalse();
        assertThat(Files.size(browser.screenshot("bank-upload-errors", 1440))).isPositive();
        assertThat(browser.fitsWidth(375)).as("the bank page with its problems on a 375 px phone").isTrue();

        String good = HEADER
                + "单选题," + marker + "“三微一端”中的“一端”指什么？,客户端,网站,短信,广播,A,见3.3节。,3.3,宣传\n"
                + "判断题," + marker + "职工书屋是工会的阵地之一。,,,,,正确,,,\n"
                + "多选题," + marker + "以下哪些属于三微？,微信,微博,微视频,微电影,ABC,,3.3,宣传；新媒体\n";
        String name = "bank-" + System.nanoTime() + ".csv";
        choose(good, name);
        browser.click("#bank-check");
        assertThat(browser.text("#bank-checked")).contains("共 3 道题");
        browser.click("#bank-import");
        String imported = browser.text("#bank-imported");
        long bank = Api.asProvinceAdmin().get("/api/v1/admin/question-banks").then().statusCode(200).extract()
                .jsonPath().getLong("find { it.name == '" + name + "' }.id");
        UPLOADED_BANKS.add(bank);
        assertThat(imported).contains("的 3 道题（题库 #" + bank + "）");
        browser.waitFor("#bank-table tr[data-bank='" + bank + "']");

        // The list turns to the page of the first imported question, as the API pages the uploaded ones.
        long first = Database.count("SELECT MIN(id) FROM question WHERE bank_id = ?", bank);
        String row = "#question-list li[data-question='" + first + "']";
        assertThat(browser.text(row + " .question-stem")).isEqualTo(marker + "“三微一端”中的“一端”指什么？");
        String page = browser.hash().replaceAll(".*page=", "");
        assertThat(browser.hash()).isEqualTo("#/question-bank?source=UPLOADED&page=" + page);
        assertThat(browser.all("#question-list > li").stream().map(li -> Long.valueOf(li.getAttribute("data-question"))).toList())
                .isEqualTo(Api.asProvinceAdmin().queryParam("source", "UPLOADED").queryParam("page", page)
                        .queryParam("size", 20).get("/api/v1/admin/questions").then().statusCode(200).extract()
                        .jsonPath().getList("items.id", Long.class));
        assertThat(browser.all(row + " .question-options li.key .option-key").stream().map(WebElement::getText).toList())
                .containsExactly("A");

        browser.click("#bank-template");
        assertThat(Files.size(browser.downloaded("question-bank-template.xlsx"))).isPositive();

        browser.click("#bank-table tr[data-bank='" + bank + "'] button[data-export='gift']");
        assertThat(Files.readString(browser.downloaded("question-bank-" + bank + ".gift.txt"), StandardCharsets.UTF_8))
                .contains(marker + "以下哪些属于三微？");

        browser.script("window.confirm = message => { window.asked = message; return false; }");
        browser.click(row + " button[data-action='retire']");
        assertThat((String) browser.script("return window.asked")).contains("停用后各测验不再抽取题目 #" + first);
        assertThat(question(first).getString("status")).as("not confirmed, not retired").isEqualTo("APPROVED");
        browser.script("window.confirm = () => true");
        browser.click(row + " button[data-action='retire']");
        browser.waitFor(row + "[data-status='RETIRED'] button[data-action='approve']");
        assertThat(question(first).getString("status")).isEqualTo("RETIRED");
        browser.click(row + " button[data-action='approve']");
        browser.waitFor(row + "[data-status='APPROVED']");
        assertThat(question(first).getString("status")).isEqualTo("APPROVED");

        browser.go("#/question-bank?source=GENERATED");
        browser.waitFor(".question-list .tag");
        List<String> tags = browser.all(".question-list .tag").stream().map(WebElement::getText).distinct().toList();
        assertThat(tags).as("the generator's tags in Chinese").contains("自动生成")
                .doesNotContain("generated", "FORMULA", "SLOGAN", "QUOTATION", "ENUMERATION", "NUMBER");
    }

    @Test
    void anEditThatMeetsSomeoneElsesChangeIsRefusedExplainedAndCanBeReloaded() {
        String module = "9." + System.nanoTime() % 100_000;
        String stem = "【页面冲突】“司机之家”是为哪类职工服务的？";
        long bank = Api.upload("/api/v1/admin/question-banks", "conflict.csv", (HEADER + "单选题," + stem + module
                + ",货车司机,教师,医生,农民,A,," + module + ",\n").getBytes(StandardCharsets.UTF_8), false)
                .statusCode(201).extract().jsonPath().getLong("bankId");
        UPLOADED_BANKS.add(bank);
        long id = Database.count("SELECT id FROM question WHERE bank_id = ?", bank);
        browser.open("#/question-bank?moduleCode=" + module);
        browser.signInAs("province-admin");
        browser.click("#question-list li[data-question='" + id + "'] button[data-action='edit']");
        WebElement stemField = browser.waitFor("#question-editor #edit-stem");

        String theirs = "【页面冲突】“司机之家”主要服务哪类职工？" + module;
        ExtractableResponse<Response> loaded = Api.asProvinceAdmin().get("/api/v1/admin/questions/" + id).then()
                .statusCode(200).extract();
        put(id, loaded, Map.of("stem", theirs));

        stemField.sendKeys(Keys.END, "（我的修改）");
        browser.click("#edit-save");
        assertThat(browser.text("#edit-conflict .state-title")).isEqualTo("其他人已修改此题目，请刷新后重试");
        assertThat(question(id).getString("stem")).isEqualTo(theirs);

        browser.click("#edit-reload");
        browser.waitFor("#edit-explanation").sendKeys("见8.1节。");
        assertThat(browser.waitFor("#edit-stem").getDomProperty("value")).isEqualTo(theirs);
        browser.click("#edit-save");
        assertThat(browser.text("#edit-saved")).isEqualTo("已保存（第 3 版）。");
        assertThat(question(id).getString("explanation")).isEqualTo("见8.1节。");

        // A status change leaves the wording's version as it was but not the ETag: the editor's save is refused.
        put(id, Api.asProvinceAdmin().get("/api/v1/admin/questions/" + id).then().statusCode(200).extract(),
                Map.of("status", "RETIRED"));
        browser.waitFor("#edit-tags").sendKeys("服务");
        browser.click("#edit-save");
        assertThat(browser.text("#edit-conflict .state-title")).isEqualTo("其他人已修改此题目，请刷新后重试");
        assertThat(question(id).getString("status")).isEqualTo("RETIRED");
        assertThat(question(id).getList("tags")).isEmpty();
    }

    @AfterEach
    void retireTheUploadedQuestions() {
        for (long bank : UPLOADED_BANKS) {
            for (long id : Database.longs("SELECT id FROM question WHERE bank_id = ? AND status <> 'RETIRED'", bank)) {
                put(id, Api.asProvinceAdmin().get("/api/v1/admin/questions/" + id).then().statusCode(200).extract(),
                        Map.of("status", "RETIRED"));
            }
        }
        UPLOADED_BANKS.clear();
    }

    /** One row of the problems table: the column's name and the problem, as the admin reads them. */
    private static String problem(String row, String column) {
        WebElement tr = browser.waitFor("#bank-errors tr[data-row='" + row + "'][data-column='" + column + "']");
        return tr.findElement(By.cssSelector(".where-column")).getText() + ":"
                + tr.findElement(By.cssSelector(".problem-message")).getText();
    }

    /** Chooses a file in the page's file field, as an admin picking it from disk. */
    private static void choose(String csv, String name) throws IOException {
        Path file = Files.createTempDirectory("bank-upload-").resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        browser.waitFor("#bank-file").sendKeys(file.toAbsolutePath().toString());
    }

    private static JsonPath question(long id) {
        return Api.asProvinceAdmin().get("/api/v1/admin/questions/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Someone else's edit through the API: the question as loaded, with {@code changes}, under its ETag. */
    private static void put(long id, ExtractableResponse<Response> loaded, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(loaded.jsonPath().getMap(""));
        body.keySet().retainAll(List.of("stem", "options", "answer", "explanation", "moduleCode", "tags", "status"));
        body.putAll(changes);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", loaded.header("ETag")).body(body)
                .put("/api/v1/admin/questions/" + id).then().statusCode(200);
    }
}
