package cn.qhzgh.study.admission;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Management;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A pod whose limit is 4 requests in flight. One worker's requests are held in flight by a lock on that worker's
 * row, taken here as another instance would; meanwhile other requests are admitted or refused by priority. Then
 * the lock goes, and everything admitted finishes whole, while nothing refused left a trace.
 */
@QuarkusTest
@TestProfile(AdmissionApiTest.LimitOfFour.class)
class AdmissionApiTest {

    public static class LimitOfFour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("study.admission.limit.initial", "4", "study.admission.limit.min", "4",
                    "study.admission.limit.max", "4", "study.admission.standard-share", "0.75",
                    "study.admission.sheddable-share", "0.5");
        }
    }

    private static final String UNION = "QH-AD-G1";
    private static final String STATS = "/api/v1/stats/orgs/" + UNION + "/summary";
    /** Far below the seconds a queued request would wait for the held ones, yet tolerant of a busy CI machine. */
    private static final long QUICK_MILLIS = 1000;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    /** One started attempt, with the answers its worker will send. */
    private record Started(String worker, String attemptId, List<Map<String, Object>> answers) {

        Response submit(String idempotencyKey) {
            return Api.as(worker).contentType("application/json").header("Idempotency-Key", idempotencyKey)
                    .body(Map.of("answers", answers)).put("/api/v1/attempts/" + attemptId + "/answers");
        }

        long answersStored() {
            return Database.count("SELECT COUNT(*) FROM attempt_answer WHERE attempt_id = ?", attemptId);
        }

        String status() {
            return Database.string("SELECT status FROM quiz_attempt WHERE id = ?", attemptId);
        }
    }

    @Test
    void pastTheLimitStatisticsGoFirstRevalidationsNeverAndAdmittedWorkFinishesWhole() throws Exception {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(UNION + ",【测试】准入控制基层工会,GRASSROOTS,QH-XN-CD\n");
        String heldId = "ad-held-" + System.nanoTime();
        String held = TestTokens.worker(heldId, UNION);
        String other = TestTokens.worker("ad-other-" + System.nanoTime(), UNION);
        String admin = TestTokens.orgAdmin("ad-admin", UNION);
        long quiz = Campaign.quizzes("FINAL").get(0);
        Started heldAttempt = start(held, quiz);
        Started otherAttempt = start(other, quiz);
        long module = firstModule();
        String etag = Api.as(other).get("/api/v1/modules/" + module).then().statusCode(200).extract().header("ETag");
        Api.as(admin).get(STATS).then().statusCode(200);

        List<Future<Response>> heldRequests = new ArrayList<>();
        try (Connection lock = Database.begin()) {
            lockWorker(lock, held, heldId);
            heldRequests.add(inBackground(() -> heldAttempt.submit(UUID.randomUUID().toString())));
            heldRequests.add(inBackground(() -> progress(held, module, 2)));
            awaitInFlight(2);

            refusedQuickly(Api.as(admin), STATS);
            Api.as(other).header("If-None-Match", etag).get("/api/v1/modules/" + module).then().statusCode(304);
            Api.as(other).get("/api/v1/modules/" + module).then().statusCode(200);

            heldRequests.add(inBackground(() -> progress(held, module, 3)));
            awaitInFlight(3);
            String key = UUID.randomUUID().toString();
            long start = System.nanoTime();
            otherAttempt.submit(key).then().statusCode(503).header("Retry-After", "2")
                    .body("type", equalTo("urn:qhzgh:study:problem:unavailable"));
            assertThat(millisSince(start)).isLessThan(QUICK_MILLIS);
            assertThat(otherAttempt.status()).as("a refused submission changed nothing").isEqualTo("IN_PROGRESS");
            assertThat(otherAttempt.answersStored()).isZero();
            Api.as(other).get("/api/v1/modules/" + module).then().statusCode(200);

            heldRequests.add(inBackground(() -> progress(held, module, 4)));
            awaitInFlight(4);
            refusedQuickly(Api.as(other), "/api/v1/modules/" + module);
            refusedQuickly(Api.as(admin), STATS);
            Api.as(other).header("If-None-Match", etag).get("/api/v1/modules/" + module).then().statusCode(304);
            assertThat(heldRequests).as("the refusals did not wait for the held requests").noneMatch(Future::isDone);
            lock.rollback();
        }

        Response heldSubmit = heldRequests.get(0).get(30, TimeUnit.SECONDS);
        assertThat(heldSubmit.statusCode()).as("an admitted submission is never dropped").isEqualTo(200);
        assertThat(heldAttempt.status()).isEqualTo("SUBMITTED");
        assertThat(heldAttempt.answersStored()).isEqualTo(heldAttempt.answers().size());
        int events = 0;
        for (Future<Response> batch : heldRequests.subList(1, heldRequests.size())) {
            Response answered = batch.get(30, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            events += answered.jsonPath().getList("results").size();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM progress_event e JOIN worker w ON w.id = e.worker_id "
                + "WHERE w.external_id = ?", heldId)).isEqualTo(events).isEqualTo(9);
        awaitInFlight(0);

        otherAttempt.submit(UUID.randomUUID().toString()).then().statusCode(200);
        assertThat(otherAttempt.status()).isEqualTo("SUBMITTED");
        Api.as(admin).get(STATS).then().statusCode(200);
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("study_admission_limit 4.0")
                .containsPattern("study_admission_shed_total\\{priority=\"SHEDDABLE\"} 2\\.0")
                .containsPattern("study_admission_shed_total\\{priority=\"STANDARD\"} 1\\.0")
                .containsPattern("study_admission_shed_total\\{priority=\"CRITICAL\"} 1\\.0")
                .containsPattern("study_admission_shed_total\\{priority=\"REVALIDATION\"} 0\\.0");
        pool.shutdown();
    }

    private static Started start(String worker, long quiz) {
        JsonPath started = Api.as(worker).post("/api/v1/quizzes/" + quiz + "/attempts").then().statusCode(201)
                .extract().jsonPath();
        return new Started(worker, started.getString("attemptId"),
                AttemptSolver.correctAnswers(started, new HashMap<>()));
    }

    private static long firstModule() {
        return Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE ORDER BY position",
                Campaign.noticeId()).get(0);
    }

    /** Takes the worker's row lock, which every write of that worker's records waits for. */
    private static void lockWorker(Connection connection, String token, String externalId) throws Exception {
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM worker WHERE external_id = ? FOR UPDATE")) {
            statement.setString(1, externalId);
            assertThat(statement.executeQuery().next()).isTrue();
        }
    }

    private static Response progress(String worker, long module, int events) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(Map.of("eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", 10 * (i + 1),
                    "secondsSpent", 30, "occurredAt",
                    OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10L * events + i).toString(),
                    "channel", "WECHAT"));
        }
        return Api.as(worker).contentType("application/json").body(Map.of("events", batch))
                .post("/api/v1/me/progress");
    }

    private static void refusedQuickly(RequestSpecification request, String path) {
        long start = System.nanoTime();
        request.get(path).then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2")
                .body("type", equalTo("urn:qhzgh:study:problem:unavailable")).body("instance", equalTo(path));
        assertThat(millisSince(start)).isLessThan(QUICK_MILLIS);
    }

    private Future<Response> inBackground(Callable<Response> request) {
        return pool.submit(request);
    }

    /** Waits until the pod reports this many admitted requests in flight, as the held ones arrive and block. */
    private static void awaitInFlight(int expected) throws InterruptedException {
        Management.awaitMetric("study_admission_in_flight", expected);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
