package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An exam opening in one large union: every worker starts the FINAL at the same moment, then submits it at the
 * same moment and sends its reading progress. Each attempt shows its questions in its own shuffled order.
 */
@QuarkusTest
class ExamRushApiTest {

    private static final int WORKERS = 40;
    private static final int ROUNDS = 3;
    private static final String UNION = "QH-ER-G1";

    @Test
    void fortyWorkersOfOneUnionStartAndSubmitTheFinalTogetherWithoutErrorsOrDrift() throws Exception {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(UNION + ",【测试】考试高峰基层工会,GRASSROOTS,QH-XN-CD\n");
        long quiz = Campaign.quizzes("FINAL").get(0);
        List<Long> modules = Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE "
                + "ORDER BY position", Campaign.noticeId());
        Map<Object, JsonPath> keys = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> workers = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    workers.add(TestTokens.worker("er-r" + round + "-w" + w + "-" + System.nanoTime(), UNION));
                }
                List<Response> starts = together(pool, workers, worker ->
                        Api.as(worker).post("/api/v1/quizzes/" + quiz + "/attempts"));
                failures.addAll(non2xx("start", starts));
                List<Callable<List<Response>>> submitsThenReading = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    String worker = workers.get(w);
                    Response start = starts.get(w);
                    List<Map<String, Object>> answers = start.statusCode() != 201 ? null
                            : w % 2 == 0 ? AttemptSolver.correctAnswers(start.jsonPath(), keys) : firstChoices(start.jsonPath());
                    submitsThenReading.add(() -> {
                        List<Response> sent = new ArrayList<>();
                        if (answers != null) {
                            sent.add(Api.as(worker).contentType("application/json")
                                    .header("Idempotency-Key", UUID.randomUUID().toString())
                                    .body(Map.of("answers", answers))
                                    .put("/api/v1/attempts/" + start.jsonPath().getString("attemptId") + "/answers"));
                        }
                        sent.add(Api.as(worker).contentType("application/json")
                                .body(Map.of("events", reading(modules))).post("/api/v1/me/progress"));
                        return sent;
                    });
                }
                together(pool, submitsThenReading).forEach(sent -> failures.addAll(non2xx("submit or progress", sent)));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(failures).as("answers that were not 2xx").isEmpty();
        long union = Database.count("SELECT id FROM organization WHERE code = ?", UNION);
        long submitted = Database.count("SELECT COUNT(*) FROM quiz_attempt a JOIN worker w ON w.id = a.worker_id "
                + "WHERE w.org_id = ? AND a.quiz_id = ? AND a.status = 'SUBMITTED'", union, quiz);
        assertThat(submitted).isEqualTo(WORKERS * ROUNDS);
        assertThat(Database.count("SELECT SUM(asked) FROM org_question_count WHERE org_id = ?", union))
                .isEqualTo(Database.count("SELECT COUNT(*) FROM attempt_answer x JOIN quiz_attempt a ON a.id = x.attempt_id "
                        + "JOIN worker w ON w.id = a.worker_id WHERE w.org_id = ?", union));
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }

    /** Runs one call per worker, all released at the same instant. */
    private static List<Response> together(ExecutorService pool, List<String> workers,
                                           Function<String, Response> call) throws Exception {
        return together(pool, workers.stream().<Callable<Response>>map(worker -> () -> call.apply(worker)).toList());
    }

    private static <T> List<T> together(ExecutorService pool, List<Callable<T>> calls) throws Exception {
        CyclicBarrier gate = new CyclicBarrier(calls.size());
        return collect(pool.invokeAll(calls.stream().<Callable<T>>map(call -> () -> {
            gate.await(60, TimeUnit.SECONDS);
            return call.call();
        }).toList()));
    }

    private static <T> List<T> collect(List<Future<T>> futures) throws Exception {
        List<T> responses = new ArrayList<>();
        for (Future<T> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    private static List<String> non2xx(String what, List<Response> responses) {
        return responses.stream().filter(r -> r.statusCode() / 100 != 2)
                .map(r -> what + " -> " + r.statusCode() + " " + r.asString()).toList();
    }

    /** A wrong-ish answer sheet: the first option everywhere, a word for fill-in blanks. */
    private static List<Map<String, Object>> firstChoices(JsonPath started) {
        return started.<Map<String, Object>>getList("questions").stream().<Map<String, Object>>map(q -> Map.of(
                "questionId", q.get("questionId"),
                "response", List.of(((List<?>) q.get("options")).isEmpty() ? "工会" : "A"))).toList();
    }

    private static List<Map<String, Object>> reading(List<Long> modules) {
        String at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(2).toString();
        return modules.stream().map(id -> Map.<String, Object>of("eventId", UUID.randomUUID().toString(),
                "moduleId", id, "percent", 100, "secondsSpent", 60, "occurredAt", at, "channel", "APP")).toList();
    }
}
