package cn.qhzgh.study.testsupport;

import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Answers a started attempt correctly, looking the keys up through the admin API as an examiner would. */
public final class AttemptSolver {

    private AttemptSolver() {
    }

    /** Starts the quiz, answers every question correctly and submits; returns the submission response. */
    public static JsonPath pass(String workerToken, long quizId) {
        JsonPath started = Api.as(workerToken).post("/api/v1/quizzes/" + quizId + "/attempts").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath();
        List<Map<String, Object>> answers = correctAnswers(started, new HashMap<>());
        return Api.as(workerToken).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("answers", answers)).put("/api/v1/attempts/" + started.getString("attemptId") + "/answers")
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * The correct answers to a start payload, in the letters this phone was shown.
     * @param keys the examiner's view of each question, looked up once and kept here (callers may share it)
     */
    public static List<Map<String, Object>> correctAnswers(JsonPath started, Map<Object, JsonPath> keys) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Map<String, Object> q : started.<Map<String, Object>>getList("questions")) {
            JsonPath key = keys.computeIfAbsent(q.get("questionId"), id -> Api.asProvinceAdmin()
                    .get("/api/v1/admin/questions/" + id).then().statusCode(200).extract().jsonPath());
            List<String> answer = key.getList("answer");
            List<Map<String, String>> shown = (List<Map<String, String>>) q.get("options");
            List<String> response;
            if (shown.isEmpty()) {
                response = List.of(answer.get(0));
            } else {
                List<Map<String, String>> stored = key.getList("options");
                response = answer.stream().map(storedKey -> {
                    String text = stored.stream().filter(o -> o.get("key").equals(storedKey)).findFirst().orElseThrow()
                            .get("text");
                    return shown.stream().filter(o -> o.get("text").equals(text)).findFirst().orElseThrow().get("key");
                }).toList();
            }
            answers.add(Map.of("questionId", q.get("questionId"), "response", response));
        }
        return answers;
    }
}
