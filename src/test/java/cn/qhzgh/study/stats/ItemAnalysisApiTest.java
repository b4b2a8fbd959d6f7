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
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/**
 * Item analysis through the API: workers of a test city sit a campaign FINAL that draws 5 of 6 bank questions at
 * random, answering as their ability says; one question is keyed wrong, one is answered by everyone, one by nobody.
 * Workers 00–02 of each union retake it, worker 03 first submits late. Every figure must equal the {@link Textbook}
 * computation on those answers.
 * QH-TIA (city) ├ C1 ├ G1: 30 workers
 *                │    └ G2: 18 workers
 *                └ C2 └ G1: 6 workers
 */
@QuarkusTest
class ItemAnalysisApiTest {

    private static final String TAG = "条目分析测试";
    private static final int LENGTH = 5;
    private static final Map<String, String> UNIONS = new LinkedHashMap<>();
    /** Each worker's analysed attempt: the questions in the order asked, and whether each was right. */
    private static final Map<String, List<Answer>> FIRST_ATTEMPTS = new LinkedHashMap<>();
    /** How often each question was asked in any attempt, and answered right: what asked and correct count. */
    private static final Map<Long, int[]> ASKED = new HashMap<>();
    private static final Map<Long, JsonPath> KEYS = new HashMap<>();
    private static List<Long> questions;
    private static long campaign;
    private static long finalQuiz;

    private record Answer(long question, boolean right) {
    }

    @BeforeEach
    void campaignAndAnswers() {
        Fixtures.skeleton();
        Fixtures.notice();
        synchronized (ItemAnalysisApiTest.class) {
            if (finalQuiz != 0) {
                return;
            }
            Fixtures.orgs("""
                    QH-TIA,【测试】条目分析市总工会,CITY,QH
                    QH-TIA-C1,【测试】条目分析一县总工会,COUNTY,QH-TIA
                    QH-TIA-C1-G1,【测试】条目分析一县第一基层工会,GRASSROOTS,QH-TIA-C1
                    QH-TIA-C1-G2,【测试】条目分析一县第二基层工会,GRASSROOTS,QH-TIA-C1
                    QH-TIA-C2,【测试】条目分析二县总工会,COUNTY,QH-TIA
                    QH-TIA-C2-G1,【测试】条目分析二县第一基层工会,GRASSROOTS,QH-TIA-C2
                    """);
            questions = uploadBank();
            campaign = publishCampaign();
            finalQuiz = Database.count("SELECT id FROM quiz WHERE default_key = ?", "campaign:" + campaign + ":FINAL");
            drawFiveOfTheBank(finalQuiz);
            workers("QH-TIA-C1-G1", "g1", 30);
            workers("QH-TIA-C1-G2", "g2", 18);
            workers("QH-TIA-C2-G1", "c2", 6);
            for (String worker : List.copyOf(UNIONS.keySet())) {
                sit(worker);
            }
        }
    }

    /**
     * One test walks the campaign from answers to reconciliation: the steps share its attempts, and the campaign is
     * closed after it (as other tests expect the founding campaign to be the newest published) and cannot reopen.
     */
    @Test
    void firstAttemptsAtTheFinalGiveMoodlesFiguresInEveryScopeThroughRepairsAndMoves() {
        everyFigureEqualsTheTextbookComputationOnTheSameAnswers();
        askedAndCorrectStillCountEveryAttempt();
        orgAdminsSeeTheirSubtreeOnly();
        reconciliationFindsNoDriftAndRebuildsEmptiedCountersExactly();
        theNightlyCheckSumsTheTotalsAboveAChangedUnionFromTheUnionRowsBelow();
        movingAUnionMovesItsFiguresAndBack();
    }

    @AfterEach
    void closeTheCampaignAndRetireTheBank() {
        if (campaign != 0) {
            Campaign.close(campaign);
        }
        for (long question : questions == null ? List.<Long>of() : questions) {
            Campaign.retireQuestion(question);
        }
    }

    private void everyFigureEqualsTheTextbookComputationOnTheSameAnswers() {
        for (String org : List.of("QH-TIA", "QH-TIA-C1", "QH-TIA-C1-G1", "QH-TIA-C2")) {
            assertFigures(org, Api.asProvinceAdmin());
        }
        JsonPath county = analysis("QH-TIA-C1");
        assertThat(county.getLong("finalExam.quizId")).isEqualTo(finalQuiz);
        assertThat(county.getInt("finalExam.questionsPerAttempt")).isEqualTo(LENGTH);
        // The designed items are judged at the county, where each was drawn by about 38 first attempts.
        assertThat(figures(county, questions.get(0)).get("flags")).asList().contains("FACILITY_VERY_HIGH");
        assertThat(figures(county, questions.get(4)).get("flags")).asList().contains("NEGATIVE_DISCRIMINATION");
        assertThat(((Number) figures(county, questions.get(4)).get("discriminationIndex")).doubleValue()).isNegative();
        assertThat(figures(county, questions.get(5)).get("flags")).asList().contains("FACILITY_VERY_LOW");
        // A union with fewer first attempts than the minimum gets its figures, but no judgement.
        assertThat(figures(analysis("QH-TIA-C2"), questions.get(4)).get("flags")).asList().isEmpty();
    }

    private void askedAndCorrectStillCountEveryAttempt() {
        JsonPath city = analysis("QH-TIA");
        for (long question : questions) {
            Map<String, Object> listed = city.getMap("questions.find { it.questionId == " + question + " }");
            assertThat(((Number) listed.get("asked")).intValue()).isEqualTo(ASKED.get(question)[0]);
            assertThat(((Number) listed.get("correct")).intValue()).isEqualTo(ASKED.get(question)[1]);
        }
    }

    private void orgAdminsSeeTheirSubtreeOnly() {
        String countyAdmin = TestTokens.orgAdmin("tia-admin-c1", "QH-TIA-C1");
        assertFigures("QH-TIA-C1-G2", Api.as(countyAdmin));
        Api.as(countyAdmin).get("/api/v1/stats/orgs/QH-TIA/questions?campaign=" + campaign).then().statusCode(403)
                .body("type", equalTo("urn:qhzgh:study:problem:outside-subtree"));
        Api.as(countyAdmin).get("/api/v1/stats/orgs/QH-TIA-C2/questions?campaign=" + campaign).then().statusCode(403);
        Api.as(TestTokens.worker("tia-g1-00", "QH-TIA-C1-G1")).get("/api/v1/stats/orgs/QH-TIA-C1-G1/questions")
                .then().statusCode(403);
    }

    private void reconciliationFindsNoDriftAndRebuildsEmptiedCountersExactly() {
        assertNoDrift(Reconcile.run());
        Map<String, String> before = new HashMap<>();
        List<String> orgs = List.of("QH-TIA", "QH-TIA-C1", "QH-TIA-C1-G1", "QH-TIA-C1-G2", "QH-TIA-C2", "QH-TIA-C2-G1");
        orgs.forEach(org -> before.put(org, withoutMoment(analysis(org))));
        String ours = "SELECT id FROM organization WHERE path LIKE CONCAT((SELECT path FROM organization "
                + "WHERE code = 'QH-TIA'), '%')";
        Map<String, Long> emptied = new LinkedHashMap<>();
        emptied.put("org_item_count", empty("org_item_count", "quiz_id = " + finalQuiz));
        emptied.put("org_position_count", empty("org_position_count", "quiz_id = " + finalQuiz));
        emptied.put("subtree_item_count", empty("subtree_item_count", "quiz_id = " + finalQuiz));
        emptied.put("subtree_position_count", empty("subtree_position_count", "quiz_id = " + finalQuiz));
        emptied.put("subtree_question_count", empty("subtree_question_count", "org_id IN (" + ours + ")"));
        emptied.put("subtree_option_count", empty("subtree_option_count", "org_id IN (" + ours + ")"));
        assertThat(emptied.values()).allSatisfy(rows -> assertThat(rows).isPositive());
        JsonPath rebuilt = Reconcile.run();
        emptied.forEach((table, rows) -> assertThat(rebuilt.getLong("tables.find { it.table == '" + table
                + "' }.driftedRows")).as(table).isEqualTo(rows));
        orgs.forEach(org -> assertThat(withoutMoment(analysis(org))).as(org).isEqualTo(before.get(org)));
        assertNoDrift(Reconcile.run());
    }

    /**
     * The nightly check sums each total from the per-union rows below it: a corrupted total above a union with a live
     * write of answers is repaired, and a corrupted total of an unchanged county beside it is neither copied upward
     * nor repaired. A live write that answers nothing leaves every total to the full check.
     */
    private void theNightlyCheckSumsTheTotalsAboveAChangedUnionFromTheUnionRowsBelow() {
        assertNoDrift(Reconcile.run());
        Map<String, String> before = new HashMap<>();
        List.of("QH-TIA", "QH-TIA-C1", "QH-TIA-C2").forEach(org -> before.put(org, bankFigures(analysis(org))));
        String corrupt = "UPDATE subtree_question_count SET asked = asked + 7 WHERE question_id = " + questions.get(1)
                + " AND org_id IN (SELECT id FROM organization WHERE code IN ('QH-TIA', 'QH-TIA-C1', 'QH-TIA-C2'))";
        Database.execute(corrupt);
        before.forEach((org, figures) -> assertThat(bankFigures(analysis(org))).as(org).isNotEqualTo(figures));
        // A live write below QH-TIA-C1 that answers nothing: a worker's first call there.
        String worker = TestTokens.worker("tia-g1-nightly", "QH-TIA-C1-G1");
        Api.as(worker).get("/api/v1/me/records").then().statusCode(200);
        JsonPath reading = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(reading.getLong("rowsEstimated")).isEqualTo(1);
        assertThat(reading.getLong("tables.find { it.table == 'subtree_question_count' }.driftedRows"))
                .as("no counter of answers changed: the totals wait for the full check").isZero();
        assertThat(bankFigures(analysis("QH-TIA-C1"))).isNotEqualTo(before.get("QH-TIA-C1"));

        // A live write of answers below QH-TIA-C1 only: the worker sits one of the notice's module quizzes.
        AttemptSolver.pass(worker, Campaign.quizzes("MODULE").get(0));
        JsonPath changed = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(changed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(changed.getLong("tables.find { it.table == 'subtree_question_count' }.driftedRows"))
                .as("the totals of QH-TIA-C1 and QH-TIA").isEqualTo(2);
        assertThat(bankFigures(analysis("QH-TIA"))).isEqualTo(before.get("QH-TIA"));
        assertThat(bankFigures(analysis("QH-TIA-C1"))).isEqualTo(before.get("QH-TIA-C1"));
        assertThat(bankFigures(analysis("QH-TIA-C2"))).as("unchanged since the mark: left to the full check")
                .isNotEqualTo(before.get("QH-TIA-C2"));

        JsonPath full = Reconcile.run();
        assertThat(full.getLong("tables.find { it.table == 'subtree_question_count' }.driftedRows")).isEqualTo(1);
        assertThat(bankFigures(analysis("QH-TIA-C2"))).isEqualTo(before.get("QH-TIA-C2"));
    }

    private void movingAUnionMovesItsFiguresAndBack() {
        Fixtures.orgs("QH-TIA-C1-G2,【测试】条目分析一县第二基层工会,GRASSROOTS,QH-TIA-C2\n");
        try {
            for (String org : List.of("QH-TIA", "QH-TIA-C1", "QH-TIA-C2")) {
                assertFigures(org, Api.asProvinceAdmin());
            }
            assertNoDrift(Reconcile.run());
        } finally {
            Fixtures.orgs("QH-TIA-C1-G2,【测试】条目分析一县第二基层工会,GRASSROOTS,QH-TIA-C1\n");
        }
        for (String org : List.of("QH-TIA-C1", "QH-TIA-C2")) {
            assertFigures(org, Api.asProvinceAdmin());
        }
    }

    // ---- the figures the API must show, computed from the recorded answers ----

    private static void assertFigures(String org, RequestSpecification as) {
        JsonPath analysis = as.get("/api/v1/stats/orgs/" + org + "/questions?limit=1000&campaign=" + campaign).then()
                .statusCode(200).extract().jsonPath();
        String orgPath = Database.string("SELECT path FROM organization WHERE code = ?", org);
        Map<String, String> unionPaths = new HashMap<>();
        List<List<Answer>> attempts = new ArrayList<>();
        FIRST_ATTEMPTS.forEach((worker, answers) -> {
            String union = unionPaths.computeIfAbsent(UNIONS.get(worker), code ->
                    Database.string("SELECT path FROM organization WHERE code = ?", code));
            if (union.startsWith(orgPath)) {
                attempts.add(answers);
            }
        });
        int[][] byPosition = attempts.stream().map(a -> a.stream().mapToInt(x -> x.right() ? 1 : 0).toArray())
                .toArray(int[][]::new);
        assertThat(analysis.getLong("finalExam.firstAttempts")).as(org).isEqualTo(attempts.size());
        assertPercent(analysis.get("finalExam.averageScore"), Textbook.average(byPosition), org + " averageScore");
        assertPercent(analysis.get("finalExam.standardDeviation"), Textbook.deviation(byPosition), org + " deviation");
        Double consistency = Textbook.cronbach(byPosition);
        assertPercent(analysis.get("finalExam.internalConsistency"), consistency, org + " internalConsistency");
        assertThat(analysis.getList("finalExam.flags")).as(org).isEqualTo(attempts.size() >= ItemFlags.MIN_FIRST_ATTEMPTS
                && consistency != null && consistency < ItemFlags.CONSISTENCY_LOW ? List.of("LOW_INTERNAL_CONSISTENCY") : List.of());
        for (long question : questions) {
            List<int[]> pairs = new ArrayList<>();
            for (List<Answer> attempt : attempts) {
                int score = (int) attempt.stream().filter(Answer::right).count();
                attempt.stream().filter(a -> a.question() == question)
                        .forEach(a -> pairs.add(new int[]{a.right() ? 1 : 0, score - (a.right() ? 1 : 0)}));
            }
            Map<String, Object> figures = figures(analysis, question);
            if (pairs.isEmpty()) {
                assertThat(figures == null || ((Number) figures.get("firstAttempts")).longValue() == 0)
                        .as(org + " " + question).isTrue();
                continue;
            }
            Double facility = Textbook.facility(pairs);
            Double discrimination = Textbook.discrimination(pairs);
            Double efficiency = Textbook.efficiency(pairs);
            String at = org + " question " + question + " ";
            assertThat(((Number) figures.get("firstAttempts")).longValue()).as(at).isEqualTo(pairs.size());
            assertPercent(figures.get("facilityIndex"), facility, at + "facilityIndex");
            assertPercent(figures.get("discriminationIndex"), discrimination, at + "discriminationIndex");
            assertPercent(figures.get("discriminativeEfficiency"), efficiency, at + "discriminativeEfficiency");
            assertThat(figures.get("flags")).as(at + "flags")
                    .isEqualTo(expectedFlags(pairs.size(), facility, discrimination, efficiency));
        }
    }

    private static List<String> expectedFlags(int attempts, Double facility, Double discrimination, Double efficiency) {
        List<String> flags = new ArrayList<>();
        if (attempts < ItemFlags.MIN_FIRST_ATTEMPTS) {
            return flags;
        }
        if (facility <= ItemFlags.FACILITY_VERY_LOW) {
            flags.add("FACILITY_VERY_LOW");
        }
        if (facility >= ItemFlags.FACILITY_VERY_HIGH) {
            flags.add("FACILITY_VERY_HIGH");
        }
        if (discrimination != null && discrimination < 0) {
            flags.add("NEGATIVE_DISCRIMINATION");
        } else if (discrimination != null && discrimination < ItemFlags.DISCRIMINATION_WEAK) {
            flags.add("WEAK_DISCRIMINATION");
        }
        if (efficiency != null && efficiency < ItemFlags.EFFICIENCY_LOW) {
            flags.add("LOW_DISCRIMINATIVE_EFFICIENCY");
        }
        return flags;
    }

    /** The API rounds to two decimals. */
    private static void assertPercent(Object actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(((Number) actual).doubleValue()).as(what).isCloseTo(expected, within(0.00501));
        }
    }

    /** The question's figures in the FINAL; null when the question is not listed at all. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(JsonPath analysis, long question) {
        return analysis.<Map<String, Object>>getList("questions").stream()
                .filter(q -> ((Number) q.get("questionId")).longValue() == question).findFirst()
                .map(q -> (Map<String, Object>) q.get("finalExam")).orElse(null);
    }

    private static JsonPath analysis(String org) {
        return Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + org + "/questions?limit=1000&campaign=" + campaign)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String withoutMoment(JsonPath analysis) {
        return finalAndQuestions(analysis, "questions");
    }

    /** The FINAL's figures and the campaign bank's questions: not those of the notice's module quizzes. */
    private static String bankFigures(JsonPath analysis) {
        return finalAndQuestions(analysis, "questions.findAll { it.moduleCode == null }");
    }

    /** The FINAL's figures and the questions {@code questions} selects, without the response's moment. */
    private static String finalAndQuestions(JsonPath analysis, String questions) {
        return String.valueOf(analysis.getMap("finalExam")) + analysis.getList(questions);
    }

    private static void assertNoDrift(JsonPath job) {
        assertThat(job.getLong("totalDrift")).as("drift per table: " + job.getList("tables")).isZero();
    }

    private static long empty(String table, String where) {
        long rows = Database.count("SELECT COUNT(*) FROM " + table + " WHERE " + where);
        Database.execute("DELETE FROM " + table + " WHERE " + where);
        return rows;
    }

    // ---- the campaign, its FINAL and the workers' answers, all through the API ----

    /** Six single-choice questions, tagged so that only the test's FINAL draws them. */
    private static List<Long> uploadBank() {
        StringBuilder bank = new StringBuilder("{\"questions\": [");
        for (int i = 0; i < 6; i++) {
            bank.append(i == 0 ? "" : ", ").append("{\"type\": \"SINGLE_CHOICE\", \"stem\": \"【条目分析】第").append(i)
                    .append("题：以下哪一项正确？\", \"options\": [\"甲").append(i).append("\", \"乙").append(i)
                    .append("\", \"丙").append(i).append("\", \"丁").append(i).append("\"], \"answer\": \"A\", \"tags\": [\"")
                    .append(TAG).append("\"]}");
        }
        long bankId = Api.upload("/api/v1/admin/question-banks", "item-analysis.json",
                bank.append("]}").toString().getBytes(StandardCharsets.UTF_8), false).statusCode(201)
                .extract().jsonPath().getLong("bankId");
        return Database.longs("SELECT id FROM question WHERE bank_id = ? ORDER BY id", bankId);
    }

    private static long publishCampaign() {
        long id = Api.asProvinceAdmin().contentType("application/json").body(Map.of("title", "【测试】条目分析学习活动",
                        "description", "条目分析测试", "audience", List.of("QH-TIA"),
                        "materials", List.of(Campaign.noticeId())))
                .post("/api/v1/admin/campaigns").then().statusCode(201).extract().jsonPath().getLong("id");
        String path = "/api/v1/admin/campaigns/" + id;
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        Api.asProvinceAdmin().header("If-Match", etag).post(path + "/publish").then().statusCode(200);
        return id;
    }

    private static void drawFiveOfTheBank(long quiz) {
        String path = "/api/v1/admin/quizzes/" + quiz;
        var current = Api.asProvinceAdmin().get(path).then().statusCode(200).extract();
        Map<String, Object> body = new HashMap<>(Map.of("title", current.jsonPath().getString("title"), "kind", "FINAL",
                "questionCount", LENGTH, "drawRule", Map.of("tags", List.of(TAG)), "passScore", 60,
                "timeLimitSeconds", 1800, "maxAttempts", 3));
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                .put(path).then().statusCode(200);
    }

    private static void workers(String union, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            UNIONS.put(String.format("tia-%s-%02d", prefix, i), union);
        }
    }

    /**
     * Ability 0–9 from the worker's number. Question 0 everyone gets right, 5 nobody; 4 is keyed wrong, so the weak
     * pick the key; 1–3 need rising ability. Workers 00–02 of each union retake with every answer right; worker 03
     * first submits late, then takes it again: neither second attempt is a first attempt.
     */
    private static void sit(String worker) {
        String token = TestTokens.worker(worker, UNIONS.get(worker));
        int number = Integer.parseInt(worker.substring(worker.length() - 2));
        int ability = (number * 7) % 10;
        if (number == 3) {
            JsonPath late = start(token);
            Database.execute("UPDATE quiz_attempt SET deadline = ? WHERE id = ?",
                    Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")), late.getString("attemptId"));
            submit(token, late, q -> true, "LATE");
            submit(token, start(token), q -> rightFor(q, ability), "SUBMITTED");
            return;
        }
        FIRST_ATTEMPTS.put(worker, submit(token, start(token), q -> rightFor(q, ability), "SUBMITTED"));
        if (number < 3) {
            submit(token, start(token), q -> true, "SUBMITTED");
        }
    }

    private static boolean rightFor(long question, int ability) {
        int index = questions.indexOf(question);
        return switch (index) {
            case 0 -> true;
            case 1 -> ability >= 2;
            case 2 -> ability >= 5;
            case 3 -> ability >= 7 || ability == 1;
            case 4 -> ability <= 3;
            default -> false;
        };
    }

    private static JsonPath start(String token) {
        return Api.as(token).post("/api/v1/quizzes/" + finalQuiz + "/attempts").then().statusCode(201).extract()
                .jsonPath();
    }

    /** Answers the started attempt as {@code right} says and submits; returns the answers in the order asked. */
    private static List<Answer> submit(String token, JsonPath started, LongPredicate right,
                                       String status) {
        List<Answer> asked = new ArrayList<>();
        List<Map<String, Object>> responses = new ArrayList<>();
        for (Map<String, Object> shown : started.<Map<String, Object>>getList("questions")) {
            long question = ((Number) shown.get("questionId")).longValue();
            String key = KEYS.computeIfAbsent(question, q -> Api.asProvinceAdmin().get("/api/v1/admin/questions/" + q)
                    .then().statusCode(200).extract().jsonPath()).getString("options.find { it.key == 'A' }.text");
            boolean wanted = right.test(question);
            @SuppressWarnings("unchecked")
            String letter = ((List<Map<String, String>>) shown.get("options")).stream()
                    .filter(o -> o.get("text").equals(key) == wanted).findFirst().orElseThrow().get("key");
            responses.add(Map.of("questionId", question, "response", List.of(letter)));
            asked.add(new Answer(question, wanted));
        }
        assertThat(asked).hasSize(LENGTH);
        Api.as(token).contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("answers", responses)).put("/api/v1/attempts/" + started.getString("attemptId") + "/answers").then()
                .statusCode(200).body("status", equalTo(status));
        boolean late = "LATE".equals(status);
        asked.forEach(a -> {
            int[] counts = ASKED.computeIfAbsent(a.question(), q -> new int[2]);
            counts[0]++;
            counts[1] += a.right() && !late ? 1 : 0;
        });
        return asked;
    }
}
