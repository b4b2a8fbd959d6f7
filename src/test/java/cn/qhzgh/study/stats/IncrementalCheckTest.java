package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.AttemptSolver;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly check reads only the unions whose counters live writes changed since the last verified check (the
 * test profile's margin is 0): a counter corrupted behind the service's back in an unchanged union waits for the
 * full check, one in a union with a live write since is repaired. A union that only read since then keeps its
 * answer counters, and their subtree totals, for the full check too.
 */
@QuarkusTest
class IncrementalCheckTest {

    private static final String QUIET_UNION = "QH-IC-G1";
    private static final String BUSY_UNION = "QH-IC-G2";
    private static final String READING_UNION = "QH-IC-G3";
    private static final String QUIZ_UNION = "QH-IC-G4";

    private static long union(String code) {
        return Database.count("SELECT id FROM organization WHERE code = ?", code);
    }

    private static long storedWorkers(String code) {
        return Database.count("SELECT workers FROM org_worker_count WHERE org_id = ?", union(code));
    }

    private static long workers(String code) {
        return Database.count("SELECT COUNT(*) FROM worker WHERE org_id = ?", union(code));
    }

    @Test
    void theNightlyCheckRepairsOnlyUnionsChangedSinceTheLastVerifiedCheck() {
        Fixtures.skeleton();
        // The records call below needs the founding campaign, which the notice's import creates.
        Fixtures.notice();
        Fixtures.orgs(QUIET_UNION + ",【测试】增量对账甲,GRASSROOTS,QH\n" + BUSY_UNION + ",【测试】增量对账乙,GRASSROOTS,QH\n");
        Api.upload("/api/v1/admin/workers/import", "ic.csv", ("external_id,name,org_code,phone\nic-w1,一," + QUIET_UNION
                + ",\nic-w2,二," + BUSY_UNION + ",\n").getBytes(StandardCharsets.UTF_8), false).statusCode(200);
        assertThat(Reconcile.run().getString("kind")).isEqualTo("FULL");
        String markBefore = Database.string("SELECT CAST(verified_at AS CHAR) FROM stats_check_mark");
        assertThat(markBefore).isNotNull();

        Database.execute("UPDATE org_worker_count SET workers = workers + 3 WHERE org_id = ?", union(QUIET_UNION));
        Database.execute("UPDATE org_worker_count SET workers = workers + 4 WHERE org_id = ?", union(BUSY_UNION));
        // A first call: a live write of the busy union after the mark.
        Api.as(TestTokens.worker("ic-w3", BUSY_UNION)).get("/api/v1/me/records").then().statusCode(200);

        JsonPath changed = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(changed.getString("kind")).isEqualTo("CHANGED");
        assertThat(changed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(changed.getLong("rowsEstimated")).as("unions changed since the mark").isEqualTo(1);
        assertThat(changed.getLong("tables.find { it.table == 'org_worker_count' }.driftedRows")).isEqualTo(1);
        assertThat(changed.getLong("tables.find { it.table == 'worker_campaign' }.driftedRows"))
                .as("the changed unions' workers' own rows are checked too").isZero();
        assertThat(storedWorkers(BUSY_UNION)).isEqualTo(workers(BUSY_UNION)).isEqualTo(2);
        assertThat(storedWorkers(QUIET_UNION)).as("not changed since the mark: left to the full check")
                .isEqualTo(workers(QUIET_UNION) + 3);
        assertThat(Database.string("SELECT CAST(verified_at AS CHAR) FROM stats_check_mark")).isGreaterThan(markBefore);

        JsonPath nothingChanged = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(nothingChanged.getLong("rowsEstimated")).isZero();
        assertThat(nothingChanged.getLong("totalDrift")).isZero();

        JsonPath full = NightlyCheck.run(CheckPlan.Kind.FULL);
        assertThat(full.getLong("tables.find { it.table == 'org_worker_count' }.driftedRows")).isEqualTo(1);
        assertThat(storedWorkers(QUIET_UNION)).isEqualTo(workers(QUIET_UNION));
    }

    @Test
    void aUnionThatOnlyReadSinceTheMarkHasItsAnswerCountersLeftToTheFullCheck() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(READING_UNION + ",【测试】增量对账丙,GRASSROOTS,QH\n" + QUIZ_UNION + ",【测试】增量对账丁,GRASSROOTS,QH\n");
        String reader = TestTokens.worker("ic-r1", READING_UNION);
        String quizzer = TestTokens.worker("ic-q1", QUIZ_UNION);
        List<Long> quizzes = Campaign.quizzes("MODULE");
        AttemptSolver.pass(reader, quizzes.get(0));
        AttemptSolver.pass(quizzer, quizzes.get(0));
        assertThat(Reconcile.run().getString("kind")).isEqualTo("FULL");

        long question = firstQuestion(READING_UNION);
        long quizQuestion = firstQuestion(QUIZ_UNION);
        long province = union("QH");
        // Behind the service's back, and consistent with itself: the union's row, its subtree total and the province's.
        for (String update : List.of("UPDATE org_question_count SET asked = asked + 2 WHERE org_id = ? AND question_id = ?",
                "UPDATE subtree_question_count SET asked = asked + 2 WHERE org_id = ? AND question_id = ?")) {
            Database.execute(update, union(READING_UNION), question);
        }
        Database.execute("UPDATE subtree_question_count SET asked = asked + 2 WHERE org_id = ? AND question_id = ?",
                province, question);
        Database.execute("UPDATE org_question_count SET asked = asked + 5 WHERE org_id = ? AND question_id = ?",
                union(QUIZ_UNION), quizQuestion);
        read(reader);
        AttemptSolver.pass(quizzer, quizzes.get(1));

        JsonPath changed = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(changed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(changed.getLong("rowsEstimated")).as("both unions changed since the mark").isEqualTo(2);
        assertThat(drift(changed, "org_question_count")).as("the quizzing union's answers are recounted").isEqualTo(1);
        assertThat(drift(changed, "subtree_question_count")).isZero();
        assertThat(asked(QUIZ_UNION, quizQuestion)).isEqualTo(Database.count("SELECT COUNT(*) FROM attempt_answer x "
                + "JOIN quiz_attempt a ON a.id = x.attempt_id JOIN worker w ON w.id = a.worker_id "
                + "WHERE w.org_id = ? AND x.question_id = ?", union(QUIZ_UNION), quizQuestion));
        long readerAsked = asked(READING_UNION, question);

        JsonPath full = NightlyCheck.run(CheckPlan.Kind.FULL);
        assertThat(drift(full, "org_question_count")).as("the reading union's answers, left to the full check")
                .isEqualTo(1);
        assertThat(drift(full, "subtree_question_count")).as("its subtree total and the province's").isEqualTo(2);
        assertThat(asked(READING_UNION, question)).isEqualTo(readerAsked - 2);
    }

    private static long firstQuestion(String code) {
        return Database.count("SELECT MIN(question_id) FROM org_question_count WHERE org_id = ?", union(code));
    }

    private static long drift(JsonPath job, String table) {
        return job.getLong("tables.find { it.table == '" + table + "' }.driftedRows");
    }

    private static long asked(String code, long question) {
        return Database.count("SELECT asked FROM org_question_count WHERE org_id = ? AND question_id = ?", union(code),
                question);
    }

    /** One reading event for the notice's first module, a live write of the worker's union. */
    private static void read(String worker) {
        long module = Database.count("SELECT MIN(id) FROM study_module WHERE notice_id = ? AND published = TRUE",
                Campaign.noticeId());
        Api.as(worker).contentType("application/json").body(Map.of("events", List.of(Map.of(
                        "eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", 10,
                        "secondsSpent", 30, "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1)
                                .toString(), "channel", "APP"))))
                .post("/api/v1/me/progress").then().statusCode(200);
    }
}
