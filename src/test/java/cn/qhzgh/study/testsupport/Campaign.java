package cn.qhzgh.study.testsupport;

import io.restassured.path.json.JsonPath;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Walks a worker through the campaign notice 青总发〔2022〕24号: reading, module quizzes, the final exam. */
public final class Campaign {

    public static final String DOC_NUMBER = "青总发〔2022〕24号";

    private Campaign() {
    }

    public static long noticeId() {
        return Database.count("SELECT id FROM notice WHERE doc_number = ?", DOC_NUMBER);
    }

    /**
     * Sends one 100 % event for every published module on {@code channel}, each claiming the module's reading time,
     * one after another so that no two claims overlap; returns the seconds credited in all, which is all claimed.
     */
    public static long readEverything(String worker, String channel) {
        List<Long> modules = Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE "
                + "ORDER BY position", noticeId());
        JsonPath listed = Api.as(worker).get("/api/v1/modules").then().statusCode(200).extract().jsonPath();
        List<Integer> seconds = modules.stream().map(id -> 60 * listed.getInt("find { it.id == " + id + " }.readingMinutes"))
                .toList();
        int total = seconds.stream().mapToInt(Integer::intValue).sum();
        OffsetDateTime last = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(2);
        if (!last.minusSeconds(total).toLocalDate().equals(last.toLocalDate())) {
            // All in one Beijing day, as the tests count active days: just before midnight rather than across it.
            last = last.toLocalDate().atStartOfDay().atOffset(last.getOffset()).minusMinutes(1);
        }
        OffsetDateTime end = last.minusSeconds(total);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            end = end.plusSeconds(seconds.get(i));
            events.add(Map.of("eventId", UUID.randomUUID().toString(), "moduleId", modules.get(i), "percent", 100,
                    "secondsSpent", seconds.get(i), "occurredAt", end.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    "channel", channel));
        }
        List<Integer> credited = Api.as(worker).contentType("application/json").body(Map.of("events", events))
                .post("/api/v1/me/progress").then().statusCode(200).extract().jsonPath()
                .getList("results.creditedSeconds", Integer.class);
        if (!credited.equals(seconds)) {
            throw new AssertionError("reading every module for its reading time is credited in full: " + credited);
        }
        return seconds.stream().mapToLong(Integer::longValue).sum();
    }

    /** The campaign notice's quiz ids of one kind, in id order. */
    public static List<Long> quizzes(String kind) {
        return Database.longs("SELECT id FROM quiz WHERE notice_id = ? AND kind = ? AND active = TRUE ORDER BY id",
                noticeId(), kind);
    }

    /** The campaign the notice founded: the first to study it. */
    public static long foundingId() {
        return Database.count("SELECT MIN(campaign_id) FROM campaign_material WHERE notice_id = ?", noticeId());
    }

    /**
     * Closes every published campaign but the founding one, through the API. Tests that publish campaigns call it after
     * each test, so the tests after them meet the default campaign (the newest published) they were written for.
     */
    public static void closeAllButFounding() {
        for (long id : Database.longs("SELECT id FROM campaign WHERE status = 'PUBLISHED' AND id <> ?", foundingId())) {
            close(id);
        }
    }

    /** Closes the campaign through the admin API, with its current ETag. */
    public static void close(long id) {
        String path = "/api/v1/admin/campaigns/" + id;
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asProvinceAdmin().header("If-Match", etag).post(path + "/close").then().statusCode(200);
    }

    /** Retires the question through the admin API, keeping its wording, with its current ETag. */
    public static void retireQuestion(long question) {
        var current = Api.asProvinceAdmin().get("/api/v1/admin/questions/" + question).then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>(current.jsonPath().getMap(""));
        body.keySet().retainAll(List.of("stem", "options", "answer", "explanation", "moduleCode", "tags"));
        body.put("status", "RETIRED");
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                .put("/api/v1/admin/questions/" + question).then().statusCode(200);
    }

    public static void passEveryModuleQuiz(String worker) {
        quizzes("MODULE").forEach(quiz -> AttemptSolver.pass(worker, quiz));
    }
}
