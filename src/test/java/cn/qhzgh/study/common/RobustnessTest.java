package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.BadValues;
import cn.qhzgh.study.testsupport.ContractOperations;
import cn.qhzgh.study.testsupport.ContractOperations.Operation;
import cn.qhzgh.study.testsupport.ContractOperations.Parameter;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.HostileExchange;
import cn.qhzgh.study.testsupport.TestTokens;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11, requirement 1: for every operation of the contract, a valid request of the right role with one
 * parameter, body field or the body itself replaced by a hostile value. Every answer must be a status the contract
 * documents for that operation, never a 5xx, and every 4xx a problem+json body.
 */
@QuarkusTest
class RobustnessTest {

    private static final String ORG = "QH-FZ-G1";
    private static final String ORG_PARENT = "QH-YS-QML";
    private static final String WORKER = "fz-w-1";
    private static final String TARGET_DOC_NUMBER = "青总发〔2022〕910号";
    private static final String IMPORT_DOC_NUMBER = "青总发〔2022〕911号";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Edits name a version that never existed, so a body that happens to be valid ends in 412 instead of a new
     * version and a regeneration of the notice's questions: validation still runs first, and the run stays short.
     */
    private static final String STALE_ETAG = "\"v0-robustness\"";
    private static final Set<String> CONTROL_IN_HEADER = Set.of("control characters");

    private final ContractOperations contract = ContractOperations.read(ContractValidation.CONTRACT);
    private final List<Long> createdQuizzes = new CopyOnWriteArrayList<>();
    private Targets targets;

    /** Real rows the valid request points at, all owned by this test, so hostile edits touch nothing shared. */
    private record Targets(String worker, String orgAdmin, String provinceAdmin, long noticeId, long moduleId,
                           long questionId, long quizId, String attemptId) {
    }

    @TestFactory
    Stream<DynamicNode> noHostileInputGetsA5xxOrAnUndocumentedStatus() {
        targets = prepareTargets();
        Stream<DynamicNode> operations = contract.operations().stream()
                .map(operation -> DynamicContainer.dynamicContainer(operation.name(), cases(operation)));
        return Stream.concat(operations, Stream.of(DynamicTest.dynamicTest("archive the quizzes the cases created",
                this::archiveCreatedQuizzes)));
    }

    private Targets prepareTargets() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(ORG + ",【测试】健壮性测试基层工会," + "GRASSROOTS," + ORG_PARENT + "\n");
        importNotice(Fixtures.noticeText().replace("青总发〔2022〕24号", TARGET_DOC_NUMBER));
        long noticeId = Database.count("SELECT id FROM notice WHERE doc_number = ?", TARGET_DOC_NUMBER);
        long moduleId = Database.count("SELECT id FROM study_module WHERE notice_id = ? AND code = '1'", noticeId);
        long questionId = Database.count("SELECT MIN(id) FROM question WHERE notice_id = ?", noticeId);
        long finalQuiz = Database.count("SELECT MIN(id) FROM quiz WHERE notice_id = ? AND kind = 'FINAL'", noticeId);
        long dailyQuiz = Database.count("SELECT MIN(id) FROM quiz WHERE notice_id = ? AND kind = 'DAILY'", noticeId);
        String worker = TestTokens.worker(WORKER, ORG);
        String attemptId = Api.as(worker).post("/api/v1/quizzes/" + dailyQuiz + "/attempts").then()
                .statusCode(201).extract().path("attemptId");
        return new Targets(worker, TestTokens.orgAdmin("fz-admin-1", ORG_PARENT), TestTokens.provinceAdmin(),
                noticeId, moduleId, questionId, finalQuiz, attemptId);
    }

    private static void importNotice(String markdown) {
        Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8").body(markdown.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/notices").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    private Stream<DynamicTest> cases(Operation operation) {
        HostileExchange valid = validExchange(operation);
        List<DynamicTest> tests = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            for (BadValues.Text bad : BadValues.forParameter(parameter.schema())) {
                if (cannotTravel(parameter, bad)) {
                    continue;
                }
                String name = parameter.in() + " " + parameter.name() + " = " + bad.label();
                tests.add(test(operation, name, valid.copy().parameter(parameter.in(), parameter.name(), bad.value())));
            }
        }
        // Range parameters (from/to) are checked against each other, so one at a time never gets past that check.
        List<Parameter> queries = operation.parameters().stream().filter(p -> p.in().equals("query")).toList();
        if (queries.size() > 1) {
            for (BadValues.Text bad : BadValues.dates()) {
                HostileExchange exchange = valid.copy();
                queries.forEach(query -> exchange.query(query.name(), bad.value()));
                tests.add(test(operation, "every query parameter = " + bad.label(), exchange));
            }
        }
        if (operation.accepts(ContractOperations.JSON)) {
            jsonBodyCases(operation, valid, tests);
        } else if (operation.accepts("text/markdown")) {
            textBodyCases(operation, valid, tests);
        } else if (operation.accepts(ContractOperations.MULTIPART)) {
            uploadCases(operation, valid, tests);
        }
        return tests.stream();
    }

    /**
     * An empty path segment addresses another resource, not this operation; HTTP cannot carry NUL or ESC in a
     * header value, so the client refuses to send them.
     */
    private static boolean cannotTravel(Parameter parameter, BadValues.Text bad) {
        return parameter.in().equals("path") && bad.value().isEmpty()
                || parameter.in().equals("header") && CONTROL_IN_HEADER.contains(bad.label());
    }

    private DynamicTest test(Operation operation, String name, HostileExchange exchange) {
        String caseName = operation.name() + " | " + name;
        return DynamicTest.dynamicTest(name, () -> {
            Response response;
            try {
                response = exchange.send();
            } catch (OpenApiValidationFilter.OpenApiValidationException e) {
                throw new AssertionError(caseName + ": the answer breaks the contract: " + e.getMessage(), e);
            }
            check(caseName, operation, response);
        });
    }

    private void check(String caseName, Operation operation, Response response) {
        int status = response.statusCode();
        if (operation.name().equals("POST /api/v1/admin/quizzes") && status == 201) {
            createdQuizzes.add(response.jsonPath().getLong("id"));
        }
        assertThat(status).as("%s answered %d: %s", caseName, status, response.asString()).isLessThan(500);
        assertThat(operation.statuses()).as("%s answered %d, which the contract does not document", caseName, status)
                .contains(status);
        if (status >= 400) {
            assertThat(response.contentType()).as("%s: content type of the %d", caseName, status)
                    .startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        }
    }

    private HostileExchange validExchange(Operation operation) {
        HostileExchange exchange = new HostileExchange(operation, tokenFor(operation));
        for (Parameter parameter : operation.parameters()) {
            String value = validValue(operation, parameter);
            if (value != null) {
                exchange.parameter(parameter.in(), parameter.name(), value);
            }
        }
        if (operation.accepts(ContractOperations.JSON)) {
            exchange.body(ContractOperations.JSON, bytes(validJsonBody(operation)));
        } else if (operation.accepts("text/markdown")) {
            exchange.body("text/markdown; charset=UTF-8", validNotice(operation).getBytes(StandardCharsets.UTF_8));
        } else if (operation.accepts(ContractOperations.MULTIPART)) {
            exchange.upload("robustness.csv", "code,name\nQH-FZ-X,garbage\n".getBytes(StandardCharsets.UTF_8));
        }
        return exchange;
    }

    /** Workers call their own endpoints; union admins read statistics and records of their county; the rest is the province's. */
    private String tokenFor(Operation operation) {
        String path = operation.path();
        boolean unionAdmin = path.startsWith("/api/v1/stats/") || path.startsWith("/api/v1/admin/xapi/")
                || operation.method().equals("GET") && path.startsWith("/api/v1/admin/workers");
        if (unionAdmin) {
            return targets.orgAdmin();
        }
        return path.startsWith("/api/v1/admin/") ? targets.provinceAdmin() : targets.worker();
    }

    /** The value a valid request sends; optional parameters are left out so each case changes exactly one thing. */
    private String validValue(Operation operation, Parameter parameter) {
        String path = operation.path();
        return switch (parameter.name()) {
            case "id" -> String.valueOf(path.contains("/modules/") ? targets.moduleId()
                    : path.contains("/notices/") ? targets.noticeId()
                    : path.contains("/questions/") ? targets.questionId()
                    : path.contains("/question-banks/") ? 1 : targets.quizId());
            case "code", "org" -> ORG;
            case "externalId" -> WORKER;
            case "attemptId" -> targets.attemptId();
            case "If-Match" -> STALE_ETAG;
            case "Idempotency-Key" -> HostileExchange.FRESH_KEY;
            default -> parameter.required() ? "1" : null;
        };
    }

    /** The contract's example body, pointed at this test's own module so progress lands on rows it owns. */
    private JsonNode validJsonBody(Operation operation) {
        JsonNode body = contract.example(operation.bodies().get(ContractOperations.JSON).path("schema"));
        if (body.has("events")) {
            ObjectNode event = (ObjectNode) body.get("events").get(0);
            event.put("moduleId", targets.moduleId());
            event.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString());
        }
        return body;
    }

    /** The contract's example notice under a doc number of its own, so imports never touch the campaign notice. */
    private static String validNotice(Operation operation) {
        return operation.bodies().get("text/markdown").path("example").asText()
                .replace("青总发〔2022〕24号", IMPORT_DOC_NUMBER);
    }

    private void jsonBodyCases(Operation operation, HostileExchange valid, List<DynamicTest> tests) {
        JsonNode validBody = validJsonBody(operation);
        JsonNode schema = contract.resolve(operation.bodies().get(ContractOperations.JSON).path("schema"));
        fieldCases(operation, valid, validBody, schema, validBody, JsonPointer.empty(), "", tests);
        String json = ContractOperations.JSON;
        Map<String, HostileExchange> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", valid.copy().body(json, bytes("{\"unclosed\": [1, 2")));
        bodies.put("JSON with a trailing comma", valid.copy().body(json, bytes("{\"a\": 1,}")));
        bodies.put("JSON array instead of object", valid.copy().body(json, bytes("[]")));
        bodies.put("JSON null", valid.copy().body(json, bytes("null")));
        bodies.put("JSON string", valid.copy().body(json, bytes("\"text\"")));
        bodies.put("JSON number", valid.copy().body(json, bytes("9223372036854775808")));
        bodies.put("empty object", valid.copy().body(json, bytes("{}")));
        bodies.put("empty body", valid.copy().body(json, new byte[0]));
        bodies.put("missing body", valid.copy().body(json, null));
        bodies.put("nested 5000 deep", valid.copy().body(json, bytes("[".repeat(5000) + "]".repeat(5000))));
        bodies.put("invalid UTF-8", valid.copy().body(json, new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        bodies.put("content type text/plain", valid.copy().body("text/plain", valid.body()));
        bodies.put("content type application/xml", valid.copy().body("application/xml", bytes("<a/>")));
        bodies.put("content type form", valid.copy().body(HostileExchange.FORM, bytes("a=1")));
        bodies.put("content type garbage", valid.copy().body("not a media type", valid.body()));
        bodies.put("no content type", valid.copy().body(null, valid.body()));
        bodies.forEach((name, exchange) -> tests.add(test(operation, "body: " + name, exchange)));
    }

    /** One case per hostile value of every field, nested objects and the first element of arrays included. */
    private void fieldCases(Operation operation, HostileExchange valid, JsonNode validBody, JsonNode schema,
                            JsonNode example, JsonPointer at, String label, List<DynamicTest> tests) {
        if (schema.has("properties")) {
            schema.get("properties").fields().forEachRemaining(property -> {
                JsonNode fieldSchema = contract.resolve(property.getValue());
                JsonNode fieldExample = example == null ? null : example.get(property.getKey());
                String fieldLabel = label.isEmpty() ? property.getKey() : label + "." + property.getKey();
                JsonPointer fieldAt = at.appendProperty(property.getKey());
                for (BadValues.Json bad : BadValues.forJsonField(fieldSchema, fieldExample)) {
                    tests.add(test(operation, "body " + fieldLabel + " = " + bad.label(),
                            valid.copy().body(ContractOperations.JSON, bytes(replaced(validBody, fieldAt, bad.value())))));
                }
                fieldCases(operation, valid, validBody, fieldSchema, fieldExample, fieldAt, fieldLabel, tests);
            });
        } else if (schema.has("items") && example != null && example.isArray() && !example.isEmpty()) {
            JsonNode itemSchema = contract.resolve(schema.get("items"));
            JsonPointer itemAt = at.appendIndex(0);
            String itemLabel = label + "[0]";
            if (!itemSchema.has("properties")) {
                for (BadValues.Json bad : BadValues.forJsonField(itemSchema, example.get(0))) {
                    tests.add(test(operation, "body " + itemLabel + " = " + bad.label(),
                            valid.copy().body(ContractOperations.JSON, bytes(replaced(validBody, itemAt, bad.value())))));
                }
            }
            fieldCases(operation, valid, validBody, itemSchema, example.get(0), itemAt, itemLabel, tests);
        }
    }

    private static JsonNode replaced(JsonNode body, JsonPointer at, JsonNode value) {
        JsonNode copy = body.deepCopy();
        JsonNode parent = copy.at(at.head());
        String last = at.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            if (value == null) {
                object.remove(last);
            } else {
                object.set(last, value);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = at.last().getMatchingIndex();
            if (value == null) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        }
        return copy;
    }

    private void textBodyCases(Operation operation, HostileExchange valid, List<DynamicTest> tests) {
        String markdown = "text/markdown; charset=UTF-8";
        Map<String, HostileExchange> bodies = new LinkedHashMap<>();
        bodies.put("empty body", valid.copy().body(markdown, new byte[0]));
        bodies.put("missing body", valid.copy().body(markdown, null));
        bodies.put("10000 chars", valid.copy().body(markdown, bytes(BadValues.HUGE)));
        bodies.put("control characters", valid.copy().body(markdown, bytes(BadValues.CONTROL)));
        bodies.put("zero-width characters", valid.copy().body(markdown, bytes(BadValues.ZERO_WIDTH)));
        bodies.put("invalid UTF-8", valid.copy().body(markdown, new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}));
        bodies.put("heading run into its first paragraph", valid.copy().body(markdown,
                bytes(noticeWithRunOnHeadings())));
        bodies.put("content type application/json", valid.copy().body(ContractOperations.JSON, valid.body()));
        bodies.put("content type garbage", valid.copy().body("not a media type", valid.body()));
        bodies.put("no content type", valid.copy().body(null, valid.body()));
        bodies.put("multipart without a file", valid.copy().upload(null, null));
        bodies.put("multipart with an empty file", valid.copy().upload("notice.md", new byte[0]));
        bodies.put("multipart with a garbage file", valid.copy().upload("notice.md", new byte[]{0, 1, 2, (byte) 0xFF}));
        putBrokenMultipart(valid, bodies);
        bodies.forEach((name, exchange) -> tests.add(test(operation, "body: " + name, exchange)));
    }

    /** Text pasted from Word: the title and a section heading each run on into the paragraph after them. */
    private static String noticeWithRunOnHeadings() {
        String paragraph = "为深入学习宣传贯彻党的二十大精神，切实把各级工会干部和广大职工的思想和行动统一到党的二十大精神上来。".repeat(6);
        return "# 青海省总工会文件\n\n青总发〔2022〕912号\n\n## 青海省总工会关于认真学习宣传贯彻党的二十大精神的通知"
                + paragraph + "\n\n## 一、充分认识学习宣传贯彻党的二十大精神的重大意义" + paragraph + "\n\n" + paragraph + "\n";
    }

    private void uploadCases(Operation operation, HostileExchange valid, List<DynamicTest> tests) {
        Map<String, HostileExchange> bodies = new LinkedHashMap<>();
        bodies.put("multipart without a file", valid.copy().upload(null, null));
        bodies.put("multipart with an empty file", valid.copy().upload("empty.csv", new byte[0]));
        bodies.put("multipart with a garbage file", valid.copy().upload("garbage.xlsx", new byte[]{'P', 'K', 3, 4, 0, (byte) 0xFF}));
        bodies.put("multipart with a control-character file", valid.copy().upload("control.csv", bytes(BadValues.CONTROL)));
        bodies.put("content type application/json", valid.copy().body(ContractOperations.JSON, bytes("{}")));
        bodies.put("missing body", valid.copy().body(null, null));
        putBrokenMultipart(valid, bodies);
        bodies.forEach((name, exchange) -> tests.add(test(operation, "body: " + name, exchange)));
    }

    /** Bodies declared multipart that the multipart parser cannot read to its end. */
    private static void putBrokenMultipart(HostileExchange valid, Map<String, HostileExchange> bodies) {
        String multipart = "multipart/form-data; boundary=b0undary";
        String part = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc";
        bodies.put("multipart, empty", valid.copy().body(multipart, new byte[0]));
        bodies.put("multipart without its closing boundary", valid.copy().body(multipart, bytes(part)));
        bodies.put("multipart with a part header that is no header", valid.copy().body(multipart,
                bytes("--b0undary\r\nno header here\r\n\r\nabc\r\n--b0undary--\r\n")));
        bodies.put("multipart with another boundary", valid.copy().body("multipart/form-data; boundary=other",
                bytes(part + "\r\n--b0undary--\r\n")));
    }

    private void archiveCreatedQuizzes() {
        for (long quiz : createdQuizzes) {
            Api.asProvinceAdmin().delete("/api/v1/admin/quizzes/" + quiz).then().statusCode(204);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
