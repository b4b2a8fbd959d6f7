package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AtOnce;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Spreadsheets;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class QuestionBankApiTest {

    private static final String BANKS = "/api/v1/admin/question-banks";

    private static ValidatableResponse upload(String name, byte[] content) {
        return Api.upload(BANKS, name, content, false);
    }

    private static long questions() {
        return Database.count("SELECT COUNT(*) FROM question");
    }

    @Test
    void csvImportsOnceAndTheSameFileAgainStoresNothing() {
        byte[] csv = BankFiles.singleChoiceCsv("【T-BANK-CSV】", "2.1", 3);
        upload("csv-bank.csv", csv).statusCode(201).body("questions", equalTo(3)).body("bankId", notNullValue());
        long before = questions();
        upload("renamed.csv", csv).statusCode(200).body("duplicateOf", notNullValue()).body("questions", equalTo(0));
        assertThat(questions()).isEqualTo(before);
    }

    @Test
    void simultaneousUploadsOfOneFileStoreItOnce() throws Exception {
        byte[] csv = BankFiles.singleChoiceCsv("【T-BANK-RACE" + System.nanoTime() % 100_000 + "】", "2.1", 3);
        long before = questions();
        List<Integer> statuses = AtOnce.send(4, () -> upload("race.csv", csv).extract().statusCode());
        // Import admission lets two imports run at once and turns the rest away with 429.
        assertThat(statuses).as("one stored it, the others found it or were asked to retry")
                .isSubsetOf(200, 201, 429).filteredOn(s -> s == 201).hasSize(1);
        assertThat(questions()).isEqualTo(before + 3);
    }

    @Test
    void gbkCsvImports() {
        String csv = BankFiles.CSV_HEADER + "判断题,【T-BANK-GBK】“三微一端”是工会的宣传平台。,,,,,正确,见3.3节。,4.3,宣传\n";
        upload("gbk.csv", csv.getBytes(Charset.forName("GBK"))).statusCode(201).body("questions", equalTo(1));
        Api.asProvinceAdmin().get("/api/v1/admin/questions?source=UPLOADED&type=TRUE_FALSE&moduleCode=4.3")
                .then().statusCode(200).body("items.stem", hasItem("【T-BANK-GBK】“三微一端”是工会的宣传平台。"));
    }

    @Test
    void everyFormatImportsAndAStoredDuplicateIsRejected() {
        String json = """
                {"questions":[{"type":"MULTIPLE_CHOICE","stem":"【T-BANK-JSON】下列属于“四个自信”的是？",
                  "options":["道路自信","理论自信","制度自信","能力自信"],"answer":["A","B","C"],"moduleCode":"3.1"}]}""";
        upload("bank.json", json.getBytes(StandardCharsets.UTF_8)).statusCode(201).body("format", equalTo("JSON"));
        String gift = """
                // 【T-BANK-GIFT】
                【T-BANK-GIFT】工会要充分运用工会报刊、网站和“____”等平台载体。{=三微一端 =三微一端平台}

                【T-BANK-GIFT】劳动报酬提高与劳动生产率提高基本同步。{T}
                """;
        upload("bank.gift", gift.getBytes(StandardCharsets.UTF_8)).statusCode(201).body("questions", equalTo(2));
        String aiken = """
                【T-BANK-AIKEN】“县级工会加强年”属于哪一节的要求？
                A. 3.7
                B. 3.1
                C. 2.2
                D. 4.1
                ANSWER: A
                """;
        upload("bank.aiken", aiken.getBytes(StandardCharsets.UTF_8)).statusCode(201);
        upload("again.json", json.replace("\"moduleCode\"", "\"explanation\":\"换个解析\",\"moduleCode\"")
                .getBytes(StandardCharsets.UTF_8))
                .statusCode(422).body("errors[0].row", equalTo(1))
                .body("errors[0].message", containsString("already stored"));
    }

    @Test
    void badFilesImportNothingAndNameRowsAndLines() {
        long before = questions();
        String csv = BankFiles.CSV_HEADER
                + "单选题,【T-BANK-BAD】好题,甲,乙,丙,丁,A,,,\n"         // row 2: fine
                + "单选题,,甲,乙,丙,丁,A,,,\n"                        // row 3: empty stem
                + "单选题,【T-BANK-BAD】答案不存在,甲,乙,,,D,,,\n"      // row 4: answer names no option
                + "画图题,【T-BANK-BAD】题型错误,甲,乙,,,A,,,\n";       // row 5: bad type
        upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .contentType("application/problem+json")
                .body("errors.find { it.row == 3 }.column", equalTo("stem"))
                .body("errors.find { it.row == 4 }.column", equalTo("answer"))
                .body("errors.find { it.row == 5 }.column", equalTo("type"));
        String gift = "// comment\n【T-BANK-BAD】好题{=甲 ~乙}\n\n【T-BANK-BAD】没有正确答案{~甲 ~乙}\n";
        upload("bad.gift", gift.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].row", equalTo(4)).body("errors[0].column", equalTo("answer"));
        String aiken = "【T-BANK-BAD】缺答案\nA. 甲\nB. 乙\n";
        upload("bad.aiken", aiken.getBytes(StandardCharsets.UTF_8)).statusCode(422).body("errors[0].row", equalTo(1));
        upload("bad.json", "{\"questions\": [".getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].column", equalTo("file"));
        String json = """
                {"questions":[{"type":"SINGLE_CHOICE","stem":"【T-BANK-BAD】好题","options":["甲","乙"],"answer":["A"]},
                              {"type":"SINGLE_CHOICE","stem":"【T-BANK-BAD】只有一个选项","options":["甲"],"answer":["A"]}]}""";
        upload("bad.json", json.getBytes(StandardCharsets.UTF_8)).statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("options"));
        upload("bad.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8)).statusCode(422);
        upload("bad-row.xlsx", Spreadsheets.xlsx(new String[][]{
                {"type", "stem", "option_a", "option_b", "option_c", "option_d", "answer"},
                {"单选题", "【T-BANK-BAD】表格好题", "甲", "乙", "", "", "A"},
                {"多选题", "【T-BANK-BAD】表格坏题", "甲", "乙", "", "", "AE"}}))
                .statusCode(422).body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("answer"));
        assertThat(questions()).isEqualTo(before);
    }

    @Test
    void dryRunLimitsAndMediaTypes() {
        long before = questions();
        Api.upload(BANKS, "dry.csv", BankFiles.singleChoiceCsv("【T-BANK-DRY】", "2.2", 2), true)
                .statusCode(200).body("dryRun", equalTo(true)).body("questions", equalTo(2));
        assertThat(questions()).isEqualTo(before);
        upload("huge.csv", new byte[10 * 1024 * 1024 + 1]).statusCode(413).contentType("application/problem+json");
        upload("bank.docx", "x".getBytes(StandardCharsets.UTF_8)).statusCode(415)
                .body("type", equalTo("urn:qhzgh:study:problem:unsupported-bank-format"));
        Api.asProvinceAdmin().multiPart("file", "单选题,题干").post(BANKS + "?dryRun=true").then().statusCode(415)
                .body("detail", startsWith("Cannot tell the bank format from the upload, which has no file name;"));
        Api.asProvinceAdminBreakingContract("a media type the endpoint does not take must get 415")
                .contentType("application/json").body("{}").post(BANKS).then().statusCode(415);
        Api.as(TestTokens.worker("t-bank-w", "QH")).get("/api/v1/admin/questions").then().statusCode(403);
    }

    @Test
    void templateDownloadsAndImportsCleanly() {
        byte[] template = Api.asProvinceAdmin().get(BANKS + "/template.xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString("question-bank-template.xlsx"))
                .extract().asByteArray();
        Api.upload(BANKS, "template.xlsx", template, true).statusCode(200).body("questions", equalTo(4));
    }

    @Test
    void exportReimportsToTheSameQuestions() {
        Fixtures.skeleton();
        long bankId = upload("round.csv", BankFiles.singleChoiceCsv("【T-BANK-RT】", "3.5", 3)).statusCode(201)
                .extract().jsonPath().getLong("bankId");
        List<Map<String, Object>> original = bankQuestions(bankId);
        for (String format : List.of("xlsx", "gift")) {
            byte[] exported = Api.asProvinceAdmin().get(BANKS + "/" + bankId + "/export?format=" + format)
                    .then().statusCode(200).extract().asByteArray();
            retire(bankQuestions(bankId));
            long copy = upload("copy." + format, exported).statusCode(201).extract().jsonPath().getLong("bankId");
            List<Map<String, Object>> reimported = bankQuestions(copy);
            assertThat(reimported).hasSize(original.size());
            for (int i = 0; i < original.size(); i++) {
                for (String field : List.of("type", "stem", "options", "answer", "explanation", "moduleCode", "tags")) {
                    assertThat(reimported.get(i).get(field)).as(format + " " + field).isEqualTo(original.get(i).get(field));
                }
            }
            bankId = copy;
        }
    }

    @Test
    void editsNeedIfMatchAndMakeANewVersion() {
        upload("edit.csv", BankFiles.singleChoiceCsv("【T-BANK-EDIT】", "4.1", 1)).statusCode(201);
        Map<String, Object> question = Api.asProvinceAdmin()
                .get("/api/v1/admin/questions?source=UPLOADED&moduleCode=4.1&size=500").then().extract().jsonPath()
                .getList("items.findAll { it.stem.startsWith('【T-BANK-EDIT】') }", Map.class).get(0);
        String path = "/api/v1/admin/questions/" + question.get("id");
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = Map.of("stem", "【T-BANK-EDIT】修改后的题干？", "options", question.get("options"),
                "answer", List.of("B"), "explanation", "改为B", "moduleCode", "4.1", "tags", List.of("测试"),
                "status", "APPROVED");
        Api.asProvinceAdminBreakingContract("an edit without If-Match must get 428").contentType("application/json")
                .body(body).put(path).then().statusCode(428);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", "\"q0-v9\"").body(body).put(path)
                .then().statusCode(412);
        String reworded = Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag).body(body)
                .put(path).then().statusCode(200).body("version", equalTo(2)).body("answer", equalTo(List.of("B")))
                .extract().header("ETag");
        Map<String, Object> retired = new java.util.HashMap<>(body);
        retired.put("status", "RETIRED");
        String afterRetirement = Api.asProvinceAdmin().contentType("application/json").header("If-Match", reworded)
                .body(retired).put(path).then().statusCode(200).body("version", equalTo(2)).extract().header("ETag");
        assertThat(afterRetirement).as("a status change without new wording must change the ETag").isNotEqualTo(reworded);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", reworded).body(body).put(path)
                .then().statusCode(412);
        assertThat(Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag")).isEqualTo(afterRetirement);
        Map<String, Object> invalid = new java.util.HashMap<>(body);
        invalid.put("answer", List.of("Z"));
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", "*").body(invalid).put(path)
                .then().statusCode(400).body("errors.field", hasItem("answer"));
        Map<String, Object> doubled = new java.util.HashMap<>(body);
        doubled.put("options", List.of(Map.of("key", "A", "text", "同一个选项"), Map.of("key", "B", "text", "同一个选项"),
                Map.of("key", "C", "text", "丙"), Map.of("key", "D", "text", "丁")));
        doubled.put("moduleCode", "第四章");
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", "*").body(doubled).put(path)
                .then().statusCode(400).body("errors.field", hasItems("options[1].text", "moduleCode"))
                .body("errors.find { it.field == 'options[1].text' }.message",
                        equalTo("has the same text as options[0].text"));
        List<Object> withANull = new java.util.ArrayList<>((List<?>) question.get("options"));
        withANull.add(null);
        invalid.put("options", withANull);
        invalid.put("answer", java.util.Arrays.asList("B", null));
        invalid.put("tags", java.util.Arrays.asList("测试", null));
        Api.asProvinceAdminBreakingContract("null entries in the lists").contentType("application/json")
                .header("If-Match", "*").body(invalid).put(path).then().statusCode(400)
                .body("errors.field", hasItems("options[" + (withANull.size() - 1) + "]", "answer[1]", "tags[1]"));
        assertThat(Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag"))
                .as("the refused edit changed nothing").isEqualTo(afterRetirement);
    }


    private static List<Map<String, Object>> bankQuestions(long bankId) {
        List<Map<String, Object>> all = Api.asProvinceAdmin().get("/api/v1/admin/questions?source=UPLOADED&moduleCode=3.5&size=500")
                .then().statusCode(200).extract().jsonPath().getList("items", Map.class).stream()
                .map(m -> (Map<String, Object>) m).toList();
        return all.stream().filter(q -> ((Number) q.get("bankId")).longValue() == bankId).toList();
    }

    private static void retire(List<Map<String, Object>> questions) {
        for (Map<String, Object> q : questions) {
            Map<String, Object> body = new java.util.HashMap<>();
            for (String field : List.of("stem", "options", "answer", "explanation", "moduleCode", "tags")) {
                body.put(field, q.get(field));
            }
            body.put("status", "RETIRED");
            Api.asProvinceAdmin().contentType("application/json").header("If-Match", "*").body(body)
                    .put("/api/v1/admin/questions/" + q.get("id")).then().statusCode(200);
        }
    }
}
