package cn.qhzgh.study.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/**
 * The unions and workers the console's browser tests look at, made once per test JVM through the API: Xining's 城东区
 * with two grassroots unions and 城中区 with one, whose workers read on every channel over several days, one of them
 * completing the campaign; and a worker of 乐都区 (海东), outside the Xining admin's subtree.
 */
public final class ConsoleFixture {

    public static final String CITY = "QH-XN";
    public static final String COUNTY = "QH-XN-CD";
    /** The grassroots union of the dev worker identity (DemoIdentity.WORKER). */
    public static final String GRASSROOTS = "QH-XN-CD-G01";
    public static final String OUTSIDE_CITY = "QH-HD";
    public static final String OUTSIDE_WORKER = "con-hd-01";
    public static final String COMPLETER = "con-w-01";
    public static final String COMPLETER_NAME = "马建国";
    public static final String COMPLETER_PHONE = "13912345678";
    public static final String COMPLETER_MASKED = "139****5678";

    private static boolean built;

    private ConsoleFixture() {
    }

    public static synchronized void ensure() {
        Fixtures.notice();
        if (built) {
            return;
        }
        Fixtures.orgs("""
                QH-XN-CD-G01,【测试】城东区第一基层工会,GRASSROOTS,QH-XN-CD
                QH-XN-CD-G02,【测试】城东区第二基层工会,GRASSROOTS,QH-XN-CD
                QH-XN-CZ-G01,【测试】城中区第一基层工会,GRASSROOTS,QH-XN-CZ
                QH-HD-LD-G01,【测试】乐都区第一基层工会,GRASSROOTS,QH-HD-LD
                """);
        Api.upload("/api/v1/admin/workers/import", "console.csv", ("external_id,name,org_code,phone\n"
                + "con-w-01,马建国,QH-XN-CD-G01," + COMPLETER_PHONE + "\n"
                + "con-w-02,李秀英,QH-XN-CD-G01,13800001111\n"
                + "con-w-03,才让多杰,QH-XN-CD-G01,\n"
                + "con-w-04,韩梅,QH-XN-CD-G02,13700002222\n"
                + "con-w-05,张伟,QH-XN-CD-G02,\n"
                + "con-w-06,张敏,QH-XN-CZ-G01,13600003333\n"
                + "con-w-07,祁永福,QH-XN-CZ-G01,\n"
                + "con-hd-01,卓玛,QH-HD-LD-G01,13500004444\n").getBytes(StandardCharsets.UTF_8), false)
                .statusCode(200);
        String completer = worker(COMPLETER, GRASSROOTS);
        Campaign.readEverything(completer, "WECHAT");
        Campaign.passEveryModuleQuiz(completer);
        AttemptSolver.pass(completer, Campaign.quizzes("FINAL").get(0));
        read(worker("con-w-02", GRASSROOTS), List.of("0", "1", "2"), 6, "WECHAT");
        read(worker("con-w-04", "QH-XN-CD-G02"), List.of("0"), 3, "APP");
        AttemptSolver.pass(worker("con-w-05", "QH-XN-CD-G02"), Campaign.quizzes("FINAL").get(0));
        read(worker("con-w-06", "QH-XN-CZ-G01"), List.of("0", "1"), 9, "WEIBO");
        read(worker("con-w-06", "QH-XN-CZ-G01"), List.of("2"), 2, "VIDEO");
        read(worker(OUTSIDE_WORKER, "QH-HD-LD-G01"), List.of("0"), 4, "APP");
        built = true;
    }

    private static String worker(String id, String org) {
        return TestTokens.worker(id, org);
    }

    /** One event per module, 100 %, five minutes each, on consecutive evenings from {@code daysAgo} days back. */
    private static void read(String worker, List<String> moduleCodes, int daysAgo, String channel) {
        OffsetDateTime evening = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(daysAgo).withHour(20).withMinute(0);
        for (int i = 0; i < moduleCodes.size(); i++) {
            long module = Database.count("SELECT id FROM study_module WHERE notice_id = ? AND code = ?",
                    Campaign.noticeId(), moduleCodes.get(i));
            Api.as(worker).contentType("application/json").body(Map.of("events", List.of(Map.of(
                            "eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", 100,
                            "secondsSpent", 300, "occurredAt", evening.plusDays(i).toString(), "channel", channel))))
                    .post("/api/v1/me/progress").then().statusCode(200).body("results[0].status", equalTo("ACCEPTED"));
        }
    }
}
