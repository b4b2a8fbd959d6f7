package cn.qhzgh.study.testsupport;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Sends one 100 % event for every published module, {@code seconds} each, on {@code channel}. */
    public static void readEverything(String worker, int seconds, String channel) {
        List<Long> modules = Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE "
                + "ORDER BY position", noticeId());
        List<Map<String, Object>> events = modules.stream().map(id -> Map.<String, Object>of(
                "eventId", UUID.randomUUID().toString(), "moduleId", id, "percent", 100, "secondsSpent", seconds,
                "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(2).toString(),
                "channel", channel)).toList();
        Api.as(worker).contentType("application/json").body(Map.of("events", events)).post("/api/v1/me/progress")
                .then().statusCode(200);
    }

    /** The campaign notice's quiz ids of one kind, in id order. */
    public static List<Long> quizzes(String kind) {
        return Database.longs("SELECT id FROM quiz WHERE notice_id = ? AND kind = ? AND active = TRUE ORDER BY id",
                noticeId(), kind);
    }

    public static void passEveryModuleQuiz(String worker) {
        quizzes("MODULE").forEach(quiz -> AttemptSolver.pass(worker, quiz));
    }
}
