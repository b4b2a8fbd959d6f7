package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.quiz.bank.BankFiles;
import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Quizzes over a bank of 12 uploaded questions in module 9.1, each answered by the option 正确选项N. */
@QuarkusTest
class QuizAttemptApiTest {

    private static boolean bankLoaded;
    private static int workerSeq;

    @BeforeEach
    void bank() {
        Fixtures.skeleton();
        Fixtures.orgs("QH-TQ-G1,【测试】答题测试基层工会,GRASSROOTS,QH-XN-CD\n");
        synchronized (QuizAttemptApiTest.class) {
            if (!bankLoaded) {
                Api.upload("/api/v1/admin/question-banks", "quiz-pool.csv",
                        BankFiles.singleChoiceCsv("【T-QUIZ】", "9.1", 12), false).statusCode(201);
                bankLoaded = true;
            }
        }
    }

    private static synchronized String newWorker() {
        return TestTokens.worker("tq-w-" + (++workerSeq) + "-" + System.nanoTime(), "QH-TQ-G1");
    }

    private static long createQuiz(Map<String, Object> overrides) {
        Map<String, Object> quiz = new HashMap<>(Map.of("title", "【测试】9.1 测验", "kind", "MODULE",
                "moduleCode", "9.1", "questionCount", 5, "passScore", 60, "timeLimitSeconds", 600, "maxAttempts", 2));
        quiz.putAll(overrides);
        return Api.asProvinceAdmin().contentType("application/json").body(quiz).post("/api/v1/admin/quizzes")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Response start(String worker, long quizId) {
        return Api.as(worker).post("/api/v1/quizzes/" + quizId + "/attempts");
    }

    /** Picks, for every question of a start payload, the letter of 正确选项N. */
    private static List<Map<String, Object>> correctAnswers(JsonPath started) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Map<String, Object> q : started.<Map<String, Object>>getList("questions")) {
            String letter = ((List<Map<String, String>>) q.get("options")).stream()
                    .filter(o -> o.get("text").startsWith("正确选项")).findFirst().orElseThrow().get("key");
            answers.add(Map.of("questionId", q.get("questionId"), "response", List.of(letter)));
        }
        return answers;
    }

    private static Response submit(String worker, String attemptId, String key, Object answers) {
        return Api.as(worker).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("answers", answers)).put("/api/v1/attempts/" + attemptId + "/answers");
    }

    @Test
    void startPayloadCarriesNoAnswersAndOptionsAreReLettered() {
        long quiz = createQuiz(Map.of());
        Response started = start(newWorker(), quiz);
        started.then().statusCode(201).body("attemptId", notNullValue()).body("deadline", notNullValue())
                .body("questions.size()", equalTo(5));
        String json = started.asString();
        assertThat(json).doesNotContain("\"answer\"", "\"correct\"", "\"explanation\"", "解析", "correctAnswer");
        for (Map<String, Object> q : started.jsonPath().<Map<String, Object>>getList("questions")) {
            List<String> keys = ((List<Map<String, String>>) q.get("options")).stream().map(o -> o.get("key")).toList();
            assertThat(keys).containsExactly("A", "B", "C", "D");
        }
    }

    @Test
    void shuffleDiffersAcrossWorkers() {
        long quiz = createQuiz(Map.of("maxAttempts", 5));
        Set<String> layouts = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            JsonPath started = start(newWorker(), quiz).then().statusCode(201).extract().jsonPath();
            layouts.add(started.getList("questions.questionId").toString() + started.getList("questions.options.text"));
        }
        assertThat(layouts).hasSizeGreaterThan(1);
    }

    @Test
    void retriedAndConcurrentStartsYieldOneAttempt() throws Exception {
        long quiz = createQuiz(Map.of());
        String worker = newWorker();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<String>> starts = Collections.nCopies(6, () -> start(worker, quiz).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath().getString("attemptId"));
            Set<String> ids = new HashSet<>();
            for (Future<String> id : pool.invokeAll(starts)) {
                ids.add(id.get());
            }
            assertThat(ids).hasSize(1);
            start(worker, quiz).then().statusCode(200).body("attemptId", equalTo(ids.iterator().next()));
            assertThat(Database.count("SELECT COUNT(*) FROM quiz_attempt WHERE quiz_id = ?", quiz)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scoringReplayDifferentBodyAndDoubleSubmit() {
        long quiz = createQuiz(Map.of());
        String worker = newWorker();
        JsonPath started = start(worker, quiz).then().statusCode(201).extract().jsonPath();
        String attemptId = started.getString("attemptId");
        List<Map<String, Object>> answers = correctAnswers(started);

        String first = submit(worker, attemptId, "key-1", answers).then().statusCode(200)
                .body("score", equalTo(100)).body("passed", equalTo(true)).body("status", equalTo("SUBMITTED"))
                .body("results.size()", equalTo(5))
                .body("results[0].correctAnswer.size()", equalTo(1))
                .body("results[0].explanation", notNullValue())
                .extract().asString();
        String replay = submit(worker, attemptId, "key-1", answers).then().statusCode(200).extract().asString();
        assertThat(replay).isEqualTo(first);
        submit(worker, attemptId, "key-1", answers.subList(0, 2)).then().statusCode(422)
                .body("type", equalTo("urn:qhzgh:study:problem:idempotency-key-reused"));
        submit(worker, attemptId, "key-2", answers).then().statusCode(409)
                .body("type", equalTo("urn:qhzgh:study:problem:already-submitted"));
        submit(newWorker(), attemptId, "key-3", answers).then().statusCode(404);
    }

    @Test
    void wrongAnswersLowerTheScoreAndForeignQuestionsAre422() {
        long quiz = createQuiz(Map.of());
        String worker = newWorker();
        JsonPath started = start(worker, quiz).then().statusCode(201).extract().jsonPath();
        String attemptId = started.getString("attemptId");
        List<Map<String, Object>> answers = new ArrayList<>(correctAnswers(started));
        submit(worker, attemptId, "k-foreign", List.of(Map.of("questionId", 999999999, "response", List.of("A"))))
                .then().statusCode(422).body("errors[0].field", equalTo("answers[0].questionId"));
        submit(worker, attemptId, "k-letter", List.of(Map.of("questionId", answers.get(0).get("questionId"),
                "response", List.of("Z")))).then().statusCode(422);
        List<String> right = (List<String>) answers.get(0).get("response");
        submit(worker, attemptId, "k-twice", List.of(Map.of("questionId", answers.get(0).get("questionId"),
                "response", List.of(right.get(0), right.get(0))))).then().statusCode(422)
                .body("type", equalTo("urn:qhzgh:study:problem:answers-not-in-draw"))
                .body("errors[0].field", equalTo("answers[0].response"))
                .body("errors[0].message", equalTo("'" + right.get(0) + "' is picked twice"));
        String other = right.get(0).equals("A") ? "B" : "A";
        submit(worker, attemptId, "k-two", List.of(Map.of("questionId", answers.get(0).get("questionId"),
                "response", List.of(right.get(0), other)))).then().statusCode(422)
                .body("errors[0].field", equalTo("answers[0].response"))
                .body("errors[0].message", equalTo("a SINGLE_CHOICE question takes one option"));
        assertThat(Database.count("SELECT COUNT(*) FROM attempt_answer WHERE attempt_id = ?", attemptId))
                .as("a refused submission records nothing").isZero();
        Map<String, Object> firstQuestion = answers.get(0);
        String wrong = ((List<String>) firstQuestion.get("response")).get(0).equals("A") ? "B" : "A";
        answers.set(0, Map.of("questionId", firstQuestion.get("questionId"), "response", List.of(wrong)));
        answers.remove(1);
        submit(worker, attemptId, "k-real", answers).then().statusCode(200)
                .body("score", equalTo(60)).body("passed", equalTo(true))
                .body("results.findAll { !it.correct }.size()", equalTo(2));
        Api.as(worker).filter(ContractValidation.requestDeliberatelyBreaksContract("a submission without Idempotency-Key must get 400"))
                .contentType("application/json").body(Map.of("answers", answers))
                .put("/api/v1/attempts/" + attemptId + "/answers").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void maxAttemptsAndWindowAreEnforced() {
        long quiz = createQuiz(Map.of("maxAttempts", 1));
        String worker = newWorker();
        JsonPath started = start(worker, quiz).then().statusCode(201).extract().jsonPath();
        submit(worker, started.getString("attemptId"), "only", correctAnswers(started)).then().statusCode(200);
        start(worker, quiz).then().statusCode(409).body("type", equalTo("urn:qhzgh:study:problem:max-attempts"));

        String quitter = newWorker();
        String abandoned = start(quitter, quiz).then().statusCode(201).extract().jsonPath().getString("attemptId");
        Database.execute("UPDATE quiz_attempt SET deadline = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), abandoned);
        start(quitter, quiz).then().statusCode(409).body("type", equalTo("urn:qhzgh:study:problem:max-attempts"));
        assertThat(Database.string("SELECT status FROM quiz_attempt WHERE id = ?", abandoned))
                .as("the abandoned last attempt is closed even though no new one may start").isEqualTo("LATE");

        long future = createQuiz(Map.of("opensAt", Instant.now().plusSeconds(3600).toString()));
        start(newWorker(), future).then().statusCode(403).body("type", equalTo("urn:qhzgh:study:problem:quiz-not-open"));
        long past = createQuiz(Map.of("opensAt", Instant.now().minusSeconds(7200).toString(),
                "closesAt", Instant.now().minusSeconds(3600).toString()));
        start(newWorker(), past).then().statusCode(403).body("type", equalTo("urn:qhzgh:study:problem:quiz-closed"));
    }

    @Test
    void anArchivedQuizCanBeRestored() {
        long quiz = createQuiz(Map.of());
        String path = "/api/v1/admin/quizzes/" + quiz;
        Api.asProvinceAdmin().delete(path).then().statusCode(204);
        start(newWorker(), quiz).then().statusCode(404);
        int archived = Api.asProvinceAdmin().get(path).then().statusCode(200).body("active", equalTo(false))
                .extract().jsonPath().getInt("revision");

        String etag = Api.asProvinceAdmin().post(path + "/restore").then().statusCode(200)
                .body("active", equalTo(true)).body("revision", equalTo(archived + 1)).extract().header("ETag");
        assertThat(etag).isEqualTo("\"quiz" + quiz + "-r" + (archived + 1) + "\"");
        start(newWorker(), quiz).then().statusCode(201);
        Api.asProvinceAdmin().post(path + "/restore").then().statusCode(200).header("ETag", etag);
        assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'quiz.restore' AND target = ?",
                "quiz:" + quiz)).isEqualTo(2);
        Api.asProvinceAdmin().post("/api/v1/admin/quizzes/987654321/restore").then().statusCode(404);
    }

    @Test
    void fieldsTheQuizKindDoesNotUseAreRefusedNotDropped() {
        Map<String, Object> daily = new HashMap<>(Map.of("title", "【测试】每日答题", "kind", "DAILY", "moduleCode", "9.1",
                "questionCount", 5, "passScore", 60, "timeLimitSeconds", 600, "maxAttempts", 2));
        long quizzes = Database.count("SELECT COUNT(*) FROM quiz");
        Api.asProvinceAdmin().contentType("application/json").body(daily).post("/api/v1/admin/quizzes").then()
                .statusCode(400).body("type", equalTo("urn:qhzgh:study:problem:invalid-quiz"))
                .body("errors.field", containsInAnyOrder("moduleCode", "maxAttempts"));
        daily.put("kind", "FINAL");
        Api.asProvinceAdmin().contentType("application/json").body(daily).post("/api/v1/admin/quizzes").then()
                .statusCode(400).body("errors.field", contains("moduleCode"));
        assertThat(Database.count("SELECT COUNT(*) FROM quiz")).as("nothing created").isEqualTo(quizzes);
    }

    @Test
    void dailyQuizAllowsOneScoredAttemptPerDay() {
        Map<String, Object> dailyQuiz = new HashMap<>(Map.of("kind", "DAILY", "title", "【测试】每日答题",
                "drawRule", Map.of("moduleCodes", List.of("9.1"))));
        dailyQuiz.put("moduleCode", null);
        dailyQuiz.put("maxAttempts", null);
        long daily = createQuiz(dailyQuiz);
        String worker = newWorker();
        JsonPath started = start(worker, daily).then().statusCode(201).extract().jsonPath();
        start(worker, daily).then().statusCode(200).body("attemptId", equalTo(started.getString("attemptId")));
        submit(worker, started.getString("attemptId"), "daily", correctAnswers(started)).then().statusCode(200);
        start(worker, daily).then().statusCode(409).body("type", equalTo("urn:qhzgh:study:problem:daily-limit"));
        Api.as(worker).get("/api/v1/quizzes").then().statusCode(200)
                .body("find { it.id == " + daily + " }.attemptsUsed", equalTo(1))
                .body("find { it.id == " + daily + " }.bestScore", equalTo(100));
    }

    @Test
    void editingAQuestionAfterTheAttemptDoesNotChangeItsScore() {
        // Its own bank, because the edit changes what is correct for every later attempt.
        Api.upload("/api/v1/admin/question-banks", "edit-pool.csv",
                BankFiles.singleChoiceCsv("【T-QUIZ-EDIT】", "9.2", 5), false).statusCode(201);
        long quiz = createQuiz(Map.of("moduleCode", "9.2"));
        String worker = newWorker();
        JsonPath started = start(worker, quiz).then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> answers = correctAnswers(started);
        long questionId = ((Number) answers.get(0).get("questionId")).longValue();
        Map<String, Object> question = Api.asProvinceAdmin().get("/api/v1/admin/questions/" + questionId)
                .then().statusCode(200).extract().jsonPath().getMap("");
        Map<String, Object> edited = new HashMap<>();
        for (String field : List.of("stem", "options", "explanation", "moduleCode", "tags", "status")) {
            edited.put(field, question.get(field));
        }
        edited.put("answer", List.of("B"));
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", "*").body(edited)
                .put("/api/v1/admin/questions/" + questionId).then().statusCode(200).body("version", equalTo(2));
        submit(worker, started.getString("attemptId"), "after-edit", answers).then().statusCode(200)
                .body("score", equalTo(100));
        assertThat(Database.count("SELECT question_version FROM attempt_answer WHERE attempt_id = ? AND question_id = ?",
                started.getString("attemptId"), questionId)).isEqualTo(1);
    }

    @Test
    void historyAndListing() {
        long quiz = createQuiz(Map.of());
        String worker = newWorker();
        JsonPath started = start(worker, quiz).then().statusCode(201).extract().jsonPath();
        submit(worker, started.getString("attemptId"), "h", correctAnswers(started)).then().statusCode(200);
        Api.as(worker).get("/api/v1/me/attempts").then().statusCode(200)
                .body("[0].attemptId", equalTo(started.getString("attemptId")))
                .body("[0].score", equalTo(100)).body("[0].passed", equalTo(true));
        Api.as(worker).get("/api/v1/quizzes").then().statusCode(200)
                .body("find { it.id == " + quiz + " }.bestScore", equalTo(100))
                .body("find { it.id == " + quiz + " }.attemptsUsed", equalTo(1))
                .body("find { it.id == " + quiz + " }.maxAttempts", equalTo(2));
        Api.asProvinceAdmin().get("/api/v1/quizzes").then().statusCode(403);
    }

    @Test
    void startsAndSubmissionsAreRateLimited() {
        long quiz = createQuiz(Map.of());
        String worker = newWorker();
        Response limited = null;
        for (int i = 0; i < 100 && limited == null; i++) {
            Response response = start(worker, quiz);
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("a 429 within 100 quick starts (the test profile allows 40 a minute)").isNotNull();
        limited.then().header("Retry-After", notNullValue()).contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:rate-limited"));
    }

    @Test
    void quizCreationIsValidated() {
        Api.asProvinceAdminBreakingContract("every out-of-range field must be named").contentType("application/json")
                .body(Map.of("title", "", "kind", "MODULE", "questionCount", 0, "passScore", 101, "timeLimitSeconds", 5))
                .post("/api/v1/admin/quizzes").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("title", "questionCount", "passScore",
                        "timeLimitSeconds"));
        Api.asProvinceAdmin().contentType("application/json")
                .body(Map.of("title", "缺模块", "kind", "MODULE", "questionCount", 5, "passScore", 60, "timeLimitSeconds", 600))
                .post("/api/v1/admin/quizzes").then().statusCode(400).body("errors[0].field", equalTo("moduleCode"));
        Api.asProvinceAdmin().contentType("application/json")
                .body(Map.of("title", "题不够", "kind", "MODULE", "moduleCode", "9.1", "questionCount", 50,
                        "passScore", 60, "timeLimitSeconds", 600))
                .post("/api/v1/admin/quizzes").then().statusCode(422)
                .body("type", equalTo("urn:qhzgh:study:problem:not-enough-questions"));
    }

    @Test
    void drawRulesWithEmptySlotsAndWindowsNoDatabaseCanStoreAre400() {
        Map<String, Object> quiz = new HashMap<>(Map.of("title", "【测试】坏抽题规则", "kind", "FINAL", "questionCount", 5,
                "passScore", 60, "timeLimitSeconds", 600));
        quiz.put("drawRule", Map.of("types", java.util.Arrays.asList("SINGLE_CHOICE", null)));
        Api.asProvinceAdminBreakingContract("a draw rule list with a null entry").contentType("application/json")
                .body(quiz).post("/api/v1/admin/quizzes").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.startsWith("drawRule.types"));
        quiz.remove("drawRule");
        quiz.put("closesAt", "+999999999-12-31T23:59:59Z");
        Api.asProvinceAdminBreakingContract("closesAt beyond year 9999").contentType("application/json")
                .body(quiz).post("/api/v1/admin/quizzes").then().statusCode(400)
                .body("errors[0].field", equalTo("closesAt"));
    }
}
