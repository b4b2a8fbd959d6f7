package cn.qhzgh.study.progress;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.qhzgh.study.progress.Events.event;
import static cn.qhzgh.study.progress.Events.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
public class ProgressApiTest {

    private static int seq;
    private long moduleA;
    private long moduleB;

    @BeforeEach
    void data() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs("QH-TP-G1,【测试】进度测试基层工会,GRASSROOTS,QH-XN-CD\nQH-TP-G2,【测试】海东进度基层工会,GRASSROOTS,QH-HD-LD\n");
        moduleA = moduleId("1");
        moduleB = moduleId("2.1");
    }

    public static long moduleId(String code) {
        return Database.count("SELECT m.id FROM study_module m JOIN notice n ON n.id = m.notice_id "
                + "WHERE n.doc_number = '青总发〔2022〕24号' AND m.code = ?", code);
    }

    private static synchronized String newWorker(String org) {
        return TestTokens.worker("tp-w-" + (++seq) + "-" + System.nanoTime(), org);
    }

    public static Response send(String worker, List<Map<String, Object>> events) {
        return Api.as(worker).contentType("application/json").body(Map.of("events", events)).post("/api/v1/me/progress");
    }

    private static Response sendBreakingContract(String worker, String why, Object body) {
        return Api.as(worker).filter(ContractValidation.requestDeliberatelyBreaksContract(why))
                .contentType("application/json").body(body).post("/api/v1/me/progress");
    }

    /** The bytes as they are: REST Assured would send an {@code Object} holding a byte[] as a base64 JSON string. */
    private static Response sendBytesBreakingContract(String worker, String why, byte[] body) {
        return Api.as(worker).filter(ContractValidation.requestDeliberatelyBreaksContract(why))
                .contentType("application/json").body(body).post("/api/v1/me/progress");
    }

    private static long state(String worker, long moduleId, String column) {
        return Database.count("SELECT p." + column + " FROM module_progress p JOIN worker w ON w.id = p.worker_id "
                + "WHERE w.external_id = ? AND p.module_id = ?", subject(worker), moduleId);
    }

    private static String subject(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void eachEventGetsItsOwnStatusAndValidOnesAreStored() {
        String worker = newWorker("QH-TP-G1");
        Map<String, Object> good = event(moduleA, 40, 120, 10);
        Map<String, Object> repeated = event(moduleA, 50, 60, 5);
        List<Map<String, Object>> batch = List.of(
                good,
                with(event(moduleA, 10, 10, 1), "percent", 101),
                event(99_999_999L, 10, 10, 1),
                with(event(moduleA, 10, 10, 1), "occurredAt", OffsetDateTime.now().plusMinutes(30).toString()),
                with(event(moduleA, 10, 10, 1), "occurredAt", OffsetDateTime.now().minusDays(91).toString()),
                with(event(moduleA, 10, 10, 1), "eventId", "not-a-uuid"),
                with(event(moduleA, 10, 10, 1), "channel", "TIKTOK"),
                with(event(moduleA, 10, 10, 1), "secondsSpent", "lots"),
                repeated,
                repeated);
        sendBreakingContract(worker, "invalid events must be rejected one by one", Map.of("events", batch))
                .then().statusCode(200)
                .body("results.status", equalTo(List.of("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED", "ACCEPTED", "DUPLICATE")))
                .body("results[0].eventId", equalTo(good.get("eventId")))
                .body("results[1].problem.errors[0].field", equalTo("events[1].percent"))
                .body("results[2].problem.errors[0].field", equalTo("events[2].moduleId"))
                .body("results[3].problem.errors[0].message", equalTo("is more than 5 minutes in the future"))
                .body("results[4].problem.errors[0].message", equalTo("is more than 90 days in the past"))
                .body("results[5].problem.errors[0].field", equalTo("events[5].eventId"))
                .body("results[6].problem.errors[0].field", equalTo("events[6].channel"))
                .body("results[7].problem.errors[0].field", equalTo("events[7].secondsSpent"))
                .body("results.creditedSeconds", equalTo(java.util.Arrays.asList(120, null, null, null, null, null,
                        null, null, 60, 0)));
        assertThat(Database.count("SELECT COUNT(*) FROM progress_event e JOIN worker w ON w.id = e.worker_id "
                + "WHERE w.external_id = ?", subject(worker))).isEqualTo(2);
        assertThat(state(worker, moduleA, "percent")).isEqualTo(50);
        assertThat(state(worker, moduleA, "seconds_spent")).isEqualTo(180);
        assertThat(state(worker, moduleA, "credited_seconds")).isEqualTo(180);
    }

    @Test
    void malformedEnvelopesAre400AndStoreNothing() {
        String worker = newWorker("QH-TP-G1");
        long before = Database.count("SELECT COUNT(*) FROM progress_event");
        String malformed = "a malformed envelope must be refused whole";
        sendBreakingContract(worker, malformed, "{not json").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:qhzgh:study:problem:malformed-json"))
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", equalTo("is not valid UTF-8 JSON at line 1, column 2"));
        byte[] gbkModuleId = "{\"events\": [{\"moduleId\": \"模块\"}]}".getBytes(Charset.forName("GBK"));
        sendBytesBreakingContract(worker, malformed, gbkModuleId).then()
                .statusCode(400).body("type", equalTo("urn:qhzgh:study:problem:malformed-json"))
                .body("errors[0].field", equalTo("events[0]"))
                .body("errors[0].message", startsWith("is not valid UTF-8 JSON at line 1, column "));
        sendBreakingContract(worker, malformed, "{}").then()
                .statusCode(400).body("errors[0].field", equalTo("events"));
        sendBreakingContract(worker, malformed, Map.of("events", List.of())).then()
                .statusCode(400).body("errors[0].field", equalTo("events"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(event(moduleA, 1, 1, 1));
        }
        sendBreakingContract(worker, malformed, Map.of("events", tooMany)).then().statusCode(400);
        sendBreakingContract(worker, malformed, "{\"events\": \"many\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("events"));
        assertThat(Database.count("SELECT COUNT(*) FROM progress_event")).isEqualTo(before);
    }

    @Test
    void replaysAreDuplicatesAndChangeNothing() {
        String worker = newWorker("QH-TP-G1");
        List<Map<String, Object>> batch = List.of(event(moduleA, 30, 100, 20), event(moduleB, 70, 200, 10));
        send(worker, batch).then().statusCode(200).body("results.status", equalTo(List.of("ACCEPTED", "ACCEPTED")));
        send(worker, batch).then().statusCode(200).body("results.status", equalTo(List.of("DUPLICATE", "DUPLICATE")))
                .body("results.creditedSeconds", equalTo(List.of(0, 0)));
        assertThat(state(worker, moduleA, "seconds_spent")).isEqualTo(100);
        assertThat(state(worker, moduleA, "credited_seconds")).isEqualTo(100);
        assertThat(state(worker, moduleB, "percent")).isEqualTo(70);
    }

    @Test
    void concurrentDuplicateBatchesStoreEachEventOnce() throws Exception {
        String worker = newWorker("QH-TP-G1");
        send(worker, List.of(event(moduleA, 1, 1, 30))).then().statusCode(200);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(event(i % 2 == 0 ? moduleA : moduleB, 10 * i, 60, 20 - i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<List<String>>> calls = Collections.nCopies(20,
                    () -> send(worker, batch).then().statusCode(200).extract().jsonPath().getList("results.status"));
            int accepted = 0;
            for (Future<List<String>> statuses : pool.invokeAll(calls)) {
                accepted += (int) statuses.get().stream().filter("ACCEPTED"::equals).count();
            }
            assertThat(accepted).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM progress_event e JOIN worker w ON w.id = e.worker_id "
                + "WHERE w.external_id = ?", subject(worker))).isEqualTo(11);
        assertThat(state(worker, moduleA, "seconds_spent")).isEqualTo(1 + 5 * 60);
        assertThat(state(worker, moduleB, "seconds_spent")).isEqualTo(5 * 60);
        assertThat(state(worker, moduleB, "percent")).isEqualTo(90);
    }

    @Test
    void concurrentCopiesOfASingleEventStoreItOnce() throws Exception {
        String worker = newWorker("QH-TP-G1");
        List<Map<String, Object>> single = List.of(event(moduleB, 35, 75, 4));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<String>> calls = Collections.nCopies(20,
                    () -> send(worker, single).then().statusCode(200).extract().jsonPath().getString("results[0].status"));
            List<String> statuses = new ArrayList<>();
            for (Future<String> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnlyOnce("ACCEPTED").containsOnly("ACCEPTED", "DUPLICATE");
        } finally {
            pool.shutdownNow();
        }
        assertThat(state(worker, moduleB, "seconds_spent")).isEqualTo(75);
        assertThat(state(worker, moduleB, "credited_seconds")).isEqualTo(75);
        assertThat(Database.count("SELECT w.seconds_spent FROM worker_campaign w JOIN worker k ON k.id = w.worker_id "
                + "WHERE k.external_id = ?", subject(worker))).isEqualTo(75);
    }

    @Test
    void anyOrderAndBatchingGivesTheSameFinalState() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(event(i % 3 == 0 ? moduleB : moduleA, (i * 37) % 95, 30 + i, 60 - i));
        }
        Random random = new Random(20221115);
        for (int round = 0; round < 6; round++) {
            String worker = newWorker("QH-TP-G1");
            List<Map<String, Object>> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            int from = 0;
            while (from < shuffled.size()) {
                int size = 1 + random.nextInt(5);
                List<Map<String, Object>> batch = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + size)));
                if (random.nextBoolean() && from > 0) {
                    batch.add(shuffled.get(random.nextInt(from)));
                }
                send(worker, batch).then().statusCode(200);
                from += size;
            }
            assertThat(state(worker, moduleA, "percent")).as("round %d", round).isEqualTo(events.stream()
                    .filter(e -> e.get("moduleId").equals(moduleA)).mapToInt(e -> (int) e.get("percent")).max().orElseThrow());
            assertThat(state(worker, moduleA, "seconds_spent")).isEqualTo(events.stream()
                    .filter(e -> e.get("moduleId").equals(moduleA)).mapToInt(e -> (int) e.get("secondsSpent")).sum());
            assertThat(state(worker, moduleB, "seconds_spent")).isEqualTo(events.stream()
                    .filter(e -> e.get("moduleId").equals(moduleB)).mapToInt(e -> (int) e.get("secondsSpent")).sum());
            // No two of these claims overlap, so every claimed second is credited, whatever the order.
            assertThat(state(worker, moduleA, "credited_seconds")).isEqualTo(state(worker, moduleA, "seconds_spent"));
            assertThat(state(worker, moduleB, "credited_seconds")).isEqualTo(state(worker, moduleB, "seconds_spent"));
        }
    }

    @Test
    void eventsRecordTheModuleVersionThatIsCurrentAfterAnEdit() {
        String worker = newWorker("QH-TP-G1");
        long module = moduleId("4.3");
        send(worker, List.of(event(module, 10, 10, 2))).then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"));
        String path = "/api/v1/admin/modules/" + module;
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        List<String> paragraphs = Api.asProvinceAdmin().get(path).jsonPath().getList("paragraphs");
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag)
                .body(Map.of("paragraphs", List.of(paragraphs.get(0) + "（进度测试修订）"))).put(path + "/paragraphs")
                .then().statusCode(200);
        send(worker, List.of(event(module, 20, 10, 1))).then().statusCode(200)
                .body("results[0].status", equalTo("ACCEPTED"));
        long current = Database.count("SELECT current_version FROM study_module WHERE id = ?", module);
        List<Long> recorded = Database.longs("SELECT e.module_version FROM progress_event e JOIN worker w "
                + "ON w.id = e.worker_id WHERE w.external_id = ? ORDER BY e.percent", subject(worker));
        assertThat(recorded).containsExactly(current - 1, current);
    }

    @Test
    void completedAtIsSetOnceAndNeverMoves() {
        String worker = newWorker("QH-TP-G1");
        send(worker, List.of(event(moduleA, 100, 300, 60))).then().statusCode(200);
        String completedAt = Database.string("SELECT p.completed_at FROM module_progress p JOIN worker w ON "
                + "w.id = p.worker_id WHERE w.external_id = ? AND p.module_id = ?", subject(worker), moduleA);
        assertThat(completedAt).isNotNull();
        send(worker, List.of(event(moduleA, 20, 30, 1), event(moduleA, 100, 30, 0), event(moduleA, 100, 30, 120)))
                .then().statusCode(200);
        assertThat(Database.string("SELECT p.completed_at FROM module_progress p JOIN worker w ON w.id = p.worker_id "
                + "WHERE w.external_id = ? AND p.module_id = ?", subject(worker), moduleA)).isEqualTo(completedAt);
        assertThat(state(worker, moduleA, "percent")).isEqualTo(100);
        Api.as(worker).get("/api/v1/modules").then().statusCode(200)
                .body("find { it.id == " + moduleA + " }.completed", equalTo(true))
                .body("find { it.id == " + moduleA + " }.percent", equalTo(100))
                .body("find { it.id == " + moduleB + " }.percent", equalTo(0));
    }

    @Test
    void adminsReadRecordsOnlyWithinTheirSubtree() {
        String worker = newWorker("QH-TP-G2");
        send(worker, List.of(event(moduleB, 55, 90, 3))).then().statusCode(200);
        String id = subject(worker);
        Api.as(TestTokens.orgAdmin("tp-admin-hd", "QH-HD")).get("/api/v1/admin/workers/" + id + "/records").then()
                .statusCode(200).body("modules.find { it.moduleId == " + moduleB + " }.percent", equalTo(55));
        Api.as(TestTokens.orgAdmin("tp-admin-xn", "QH-XN")).get("/api/v1/admin/workers/" + id + "/records").then()
                .statusCode(403).body("type", equalTo("urn:qhzgh:study:problem:outside-subtree"));
        Api.as(worker).get("/api/v1/admin/workers/" + id + "/records").then().statusCode(403);
        Api.asProvinceAdmin().get("/api/v1/admin/workers/nobody-" + UUID.randomUUID() + "/records").then().statusCode(404);
    }
}
