package cn.qhzgh.study.campaign;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Campaigns over the real notice and a variant of it under its own doc number, for the real union skeleton. */
@QuarkusTest
class CampaignApiTest {

    private static final String BASE = "/api/v1/admin/campaigns";
    private static final String SECOND_DOC = "青总发〔2022〕931号";
    private static final String PROBLEM = "urn:qhzgh:study:problem:";

    private static long notice;
    private static long secondNotice;
    private static int workerSeq;

    @AfterEach
    void closeTheCampaignsPublishedHere() {
        cn.qhzgh.study.testsupport.Campaign.closeAllButFounding();
    }

    @BeforeEach
    void documents() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs("QH-TCA-G1,【测试】活动测试基层工会,GRASSROOTS,QH-XN-CD\nQH-TCA-G2,【测试】活动测试海东基层工会,GRASSROOTS,QH-HD-LD\n");
        synchronized (CampaignApiTest.class) {
            if (secondNotice == 0) {
                notice = cn.qhzgh.study.testsupport.Campaign.noticeId();
                secondNotice = Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                        .body(Fixtures.noticeText().replace("青总发〔2022〕24号", SECOND_DOC).getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/admin/notices").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract().jsonPath().getLong("notice.id");
            }
        }
    }

    private static synchronized String newWorker(String org) {
        return TestTokens.worker("tca-w-" + (++workerSeq) + "-" + System.nanoTime(), org);
    }

    private static Map<String, Object> body(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "【测试】学习活动", "description", "测试用学习活动",
                "audience", List.of("QH"), "materials", List.of(notice)));
        body.putAll(overrides);
        return body;
    }

    private static Response create(Map<String, Object> overrides) {
        return Api.asProvinceAdmin().contentType("application/json").body(body(overrides)).post(BASE);
    }

    private static JsonPath created(Map<String, Object> overrides) {
        return create(overrides).then().statusCode(201).extract().jsonPath();
    }

    private static String etag(long id) {
        return Api.asProvinceAdmin().get(BASE + "/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static Response transition(long id, String action) {
        return Api.asProvinceAdmin().header("If-Match", etag(id)).post(BASE + "/" + id + "/" + action);
    }

    private static Response put(long id, String suffix, Object body) {
        return Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag(id)).body(body)
                .put(BASE + "/" + id + suffix);
    }

    private static Map<String, Object> update(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "【测试】学习活动（修改）", "finalPassScore", 70,
                "audience", List.of("QH")));
        body.putAll(overrides);
        return body;
    }

    private static long audits(long id, String action) {
        return Database.count("SELECT COUNT(*) FROM audit_entry WHERE target = ? AND action = ? AND actor = ?",
                "campaign:" + id, action, "test-province-admin");
    }

    private static List<Long> modulesOf(long noticeId) {
        return Database.longs("SELECT id FROM study_module WHERE notice_id = ? AND published = TRUE ORDER BY position",
                noticeId);
    }

    @Test
    void createGetAndRevalidate() {
        long optional = modulesOf(notice).get(0);
        Response response = create(Map.of("opensAt", "2022-11-16T00:00:00Z", "closesAt", "2099-12-31T15:59:59Z",
                "audience", List.of("QH-XN", "QH-HD"), "materials", List.of(notice, secondNotice),
                "optionalModuleIds", List.of(optional)));
        response.then().statusCode(201).header("Location", containsString(BASE + "/"))
                .body("status", equalTo("DRAFT")).body("revision", equalTo(1))
                .body("finalPassScore", equalTo(80))
                .body("audience.code", equalTo(List.of("QH-XN", "QH-HD")))
                .body("materials.noticeId", equalTo(List.of((int) notice, (int) secondNotice)))
                .body("materials[0].docNumber", equalTo("青总发〔2022〕24号"))
                .body("materials[1].docNumber", equalTo(SECOND_DOC))
                .body("materials[0].publishedModules", equalTo(modulesOf(notice).size()))
                .body("optionalModuleIds", equalTo(List.of((int) optional)))
                .body("publishedAt", nullValue()).body("createdBy", equalTo("test-province-admin"));
        long id = response.jsonPath().getLong("id");
        String etag = response.header("ETag");
        assertThat(etag).matches("\"campaign" + id + "-r1-[0-9a-f]+\"");
        assertThat(response.header("Location")).endsWith(BASE + "/" + id);
        assertThat(audits(id, "campaign.create")).isEqualTo(1);

        Api.asProvinceAdmin().get(BASE + "/" + id).then().statusCode(200).header("ETag", etag)
                .body("title", equalTo("【测试】学习活动"));
        Api.asProvinceAdmin().header("If-None-Match", etag).get(BASE + "/" + id).then().statusCode(304);
        Api.asProvinceAdmin().header("If-None-Match", "W/" + etag).get(BASE + "/" + id).then().statusCode(304);
        Api.asProvinceAdmin().get(BASE + "?status=DRAFT&size=500").then().statusCode(200)
                .body("items.id", hasItem((int) id)).body("items.status", not(hasItem("PUBLISHED")));
        Api.asProvinceAdmin().get(BASE + "?status=CLOSED&size=500").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        Api.asProvinceAdmin().get(BASE + "/987654321").then().statusCode(404)
                .body("type", equalTo(PROBLEM + "campaign-not-found"));
    }

    @Test
    void editMaterialsPublishAndCloseEachBumpTheRevisionAndAreAudited() {
        long id = created(Map.of()).getLong("id");

        put(id, "", update(Map.of("description", "新的说明", "closesAt", "2099-01-01T00:00:00Z",
                "audience", List.of("QH-XN")))).then().statusCode(200)
                .header("ETag", startsWith("\"campaign" + id + "-r2-"))
                .body("title", equalTo("【测试】学习活动（修改）")).body("description", equalTo("新的说明"))
                .body("finalPassScore", equalTo(70)).body("audience.code", equalTo(List.of("QH-XN")))
                .body("closesAt", equalTo("2099-01-01T00:00:00Z"));
        assertThat(audits(id, "campaign.update")).isEqualTo(1);

        long optional = modulesOf(secondNotice).get(1);
        put(id, "/materials", Map.of("materials", List.of(secondNotice, notice))).then().statusCode(200)
                .body("revision", equalTo(3))
                .body("materials.noticeId", equalTo(List.of((int) secondNotice, (int) notice)));
        put(id, "", update(Map.of("optionalModuleIds", List.of(optional), "audience", List.of("QH-XN"))))
                .then().statusCode(200).body("optionalModuleIds", equalTo(List.of((int) optional)));
        // Removing a document drops its modules from the optional ones.
        put(id, "/materials", Map.of("materials", List.of(notice))).then().statusCode(200)
                .body("materials.noticeId", equalTo(List.of((int) notice)))
                .body("optionalModuleIds", equalTo(List.of())).body("revision", equalTo(5));
        assertThat(audits(id, "campaign.materials")).isEqualTo(2);

        transition(id, "publish").then().statusCode(200).header("ETag", startsWith("\"campaign" + id + "-r6-"))
                .body("status", equalTo("PUBLISHED")).body("publishedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(audits(id, "campaign.publish")).isEqualTo(1);
        // A published campaign stays editable: materials and fields.
        put(id, "/materials", Map.of("materials", List.of(notice, secondNotice))).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));

        transition(id, "close").then().statusCode(200).body("status", equalTo("CLOSED")).body("revision", equalTo(8));
        assertThat(audits(id, "campaign.close")).isEqualTo(1);
        assertThat(Database.count("SELECT revision FROM campaign WHERE id = ?", id)).isEqualTo(8);
    }

    @Test
    void publishingGivesTheCampaignItsFinalAndDailyQuizzes() {
        long id = created(Map.of("finalPassScore", 90, "materials", List.of(notice, secondNotice))).getLong("id");
        assertThat(Database.count("SELECT COUNT(*) FROM quiz WHERE campaign_id = ?", id)).isZero();
        transition(id, "publish").then().statusCode(200);

        String finalKey = "campaign:" + id + ":FINAL";
        assertThat(Database.count("SELECT campaign_id FROM quiz WHERE default_key = ? AND kind = 'FINAL'", finalKey))
                .isEqualTo(id);
        assertThat(Database.count("SELECT pass_score FROM quiz WHERE default_key = ?", finalKey)).isEqualTo(90);
        assertThat(Database.count("SELECT question_count FROM quiz WHERE default_key = ?", finalKey)).isEqualTo(20);
        assertThat(Database.count("SELECT campaign_id FROM quiz WHERE default_key = ? AND kind = 'DAILY'",
                "campaign:" + id + ":DAILY")).isEqualTo(id);
        assertThat(Database.count("SELECT COUNT(*) FROM quiz WHERE campaign_id = ?", id)).isEqualTo(2);

        put(id, "", update(Map.of("finalPassScore", 75))).then().statusCode(200);
        assertThat(Database.count("SELECT pass_score FROM quiz WHERE default_key = ?", finalKey)).isEqualTo(75);
        // Closing and re-reading creates nothing more.
        transition(id, "close").then().statusCode(200);
        assertThat(Database.count("SELECT COUNT(*) FROM quiz WHERE campaign_id = ?", id)).isEqualTo(2);
    }

    @Test
    void aCampaignFinalDrawsFromItsDocumentsAndNoOther() {
        long id = created(Map.of("materials", List.of(secondNotice), "audience", List.of("QH-XN-CD"))).getLong("id");
        transition(id, "publish").then().statusCode(200);
        long finalQuiz = Database.count("SELECT id FROM quiz WHERE default_key = ?", "campaign:" + id + ":FINAL");
        List<Long> asked = Api.as(newWorker("QH-TCA-G1")).post("/api/v1/quizzes/" + finalQuiz + "/attempts").then()
                .statusCode(201).extract().jsonPath().getList("questions.questionId", Long.class);
        assertThat(asked).hasSize(20);
        for (long question : asked) {
            assertThat(Database.count("SELECT COUNT(*) FROM question WHERE id = ? AND notice_id IS NOT NULL "
                    + "AND notice_id <> ?", question, secondNotice)).as("a question of another document").isZero();
        }
    }

    @Test
    void invalidFieldsAreNamedByTheirPath() {
        Api.asProvinceAdminBreakingContract("title too long, pass score above 100, empty audience")
                .contentType("application/json")
                .body(body(Map.of("title", "长".repeat(201), "finalPassScore", 101, "audience", List.of())))
                .post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("audience", "finalPassScore", "title")));
        Api.asProvinceAdminBreakingContract("blank title and a null material").contentType("application/json")
                .body("{\"title\":\" \",\"audience\":[\"QH\"],\"materials\":[null]}")
                .post(BASE).then().statusCode(400).body("errors.field", hasItems("title", "materials[0]"));
        Api.asProvinceAdminBreakingContract("a pass score past int32: valid JSON, a value out of range")
                .contentType("application/json").body("{\"title\":\"t\",\"finalPassScore\":99999999999}")
                .post(BASE).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-json"))
                .body("errors[0].field", equalTo("finalPassScore"))
                .body("errors[0].message", equalTo("has a value of the wrong type or format"));
        Api.asProvinceAdminBreakingContract("a trailing comma: not JSON").contentType("application/json")
                .body("{\"title\":\"t\",\"audience\":[\"QH\",]}")
                .post(BASE).then().statusCode(400).body("type", equalTo(PROBLEM + "malformed-json"))
                .body("errors[0].field", equalTo("audience[1]"))
                .body("errors[0].message", equalTo("is not valid UTF-8 JSON at line 1, column 31"));

        long foreignModule = modulesOf(secondNotice).get(0);
        create(Map.of("audience", List.of("QH-NOWHERE", "QH", "QH"), "materials", List.of(987654321L, notice, notice),
                "optionalModuleIds", List.of(foreignModule, 987654321L),
                "opensAt", "2023-01-01T00:00:00Z", "closesAt", "2022-01-01T00:00:00Z"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEM + "invalid-campaign"))
                .body("errors.field", equalTo(List.of("closesAt", "audience[2]", "audience[0]", "materials[2]",
                        "materials[0]", "optionalModuleIds[0]", "optionalModuleIds[1]")))
                .body("errors.find { it.field == 'audience[0]' }.message", containsString("QH-NOWHERE"));
        create(Map.of("opensAt", "1999-12-31T00:00:00Z")).then().statusCode(400)
                .body("errors.field", equalTo(List.of("opensAt")));
        create(Map.of("optionalModuleIds", List.of(modulesOf(notice).get(0), modulesOf(notice).get(0))))
                .then().statusCode(400).body("errors.field", equalTo(List.of("optionalModuleIds[1]")));
    }

    @Test
    void theEtagFollowsThePublishedModulesTheCampaignShows() {
        long id = created(Map.of("materials", List.of(secondNotice))).getLong("id");
        String before = etag(id);
        long module = modulesOf(secondNotice).get(2);
        int published = modulesOf(secondNotice).size();
        Api.asProvinceAdmin().post("/api/v1/admin/modules/" + module + "/unpublish").then().statusCode(200);
        try {
            String after = Api.asProvinceAdmin().header("If-None-Match", before).get(BASE + "/" + id).then()
                    .statusCode(200).body("materials[0].publishedModules", equalTo(published - 1))
                    .body("revision", equalTo(1)).extract().header("ETag");
            assertThat(after).as("no edit, but the campaign shows one module less").isNotEqualTo(before);
            Api.asProvinceAdmin().contentType("application/json").header("If-Match", before)
                    .body(update(Map.of())).put(BASE + "/" + id).then().statusCode(412);
            Api.asProvinceAdmin().contentType("application/json").header("If-Match", after)
                    .body(update(Map.of())).put(BASE + "/" + id).then().statusCode(200);
        } finally {
            Api.asProvinceAdmin().post("/api/v1/admin/modules/" + module + "/publish").then().statusCode(200);
        }
    }

    @Test
    void aPublishedCampaignKeepsItsLastPublishedModule() {
        String text = "# 青海省总工会文件\n\n青总发〔2022〕941号\n\n## 青海省总工会关于测试撤下模块的通知\n\n各市州总工会：\n\n"
                + "为测试撤下模块，特通知如下。\n\n## 一、第一部分\n\n第一部分的正文。\n\n## 二、第二部分\n\n第二部分的正文。\n";
        long small = Api.asProvinceAdmin().contentType("text/markdown; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/notices").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().jsonPath().getLong("notice.id");
        List<Long> modules = Database.longs("SELECT id FROM study_module WHERE notice_id = ? ORDER BY position", small);
        modules.forEach(module -> Api.asProvinceAdmin().post("/api/v1/admin/modules/" + module + "/publish")
                .then().statusCode(200));
        long id = created(Map.of("materials", List.of(small))).getLong("id");
        transition(id, "publish").then().statusCode(200);
        for (long module : modules.subList(0, modules.size() - 1)) {
            Api.asProvinceAdmin().post("/api/v1/admin/modules/" + module + "/unpublish").then().statusCode(200);
        }
        long last = modules.get(modules.size() - 1);
        Api.asProvinceAdmin().post("/api/v1/admin/modules/" + last + "/unpublish").then().statusCode(409)
                .body("type", equalTo(PROBLEM + "campaign-incomplete"))
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("published campaign " + id + ";"));
        assertThat(Database.count("SELECT COUNT(*) FROM study_module WHERE id = ? AND published = TRUE", last))
                .as("the refused unpublish changed nothing").isEqualTo(1);
        transition(id, "close").then().statusCode(200);
        Api.asProvinceAdmin().post("/api/v1/admin/modules/" + last + "/unpublish").then().statusCode(200);
        modules.forEach(module -> Api.asProvinceAdmin().post("/api/v1/admin/modules/" + module + "/publish")
                .then().statusCode(200));
    }

    @Test
    void aPublishedCampaignsFinalStaysAFinalAndCannotBeArchived() {
        long id = created(Map.of()).getLong("id");
        transition(id, "publish").then().statusCode(200);
        long finalQuiz = Database.count("SELECT id FROM quiz WHERE default_key = ?", "campaign:" + id + ":FINAL");
        String quizPath = "/api/v1/admin/quizzes/" + finalQuiz;
        Api.asProvinceAdmin().delete(quizPath).then().statusCode(409).body("type", equalTo(PROBLEM + "quiz-in-use"));
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", "*")
                .body(Map.of("title", "改成模块测验", "kind", "MODULE", "moduleCode", "1", "questionCount", 1,
                        "passScore", 60, "timeLimitSeconds", 600))
                .put(quizPath).then().statusCode(409).body("type", equalTo(PROBLEM + "quiz-in-use"));
        assertThat(Database.string("SELECT kind FROM quiz WHERE id = ?", finalQuiz)).isEqualTo("FINAL");
        transition(id, "close").then().statusCode(200);
        Api.asProvinceAdmin().delete(quizPath).then().statusCode(204);
        assertThat(Database.count("SELECT revision FROM quiz WHERE id = ?", finalQuiz))
                .as("archiving is a change, so an ETag read before it is stale").isGreaterThan(1);
    }

    @Test
    void editsNeedTheCurrentEtag() {
        long id = created(Map.of()).getLong("id");
        Api.asProvinceAdminBreakingContract("an edit without If-Match must get 428").contentType("application/json")
                .body(update(Map.of())).put(BASE + "/" + id).then().statusCode(428)
                .body("type", equalTo(PROBLEM + "if-match-required"));
        Api.asProvinceAdminBreakingContract("materials without If-Match must get 428").contentType("application/json")
                .body(Map.of("materials", List.of(notice))).put(BASE + "/" + id + "/materials").then().statusCode(428);
        Api.asProvinceAdminBreakingContract("publish without If-Match must get 428")
                .post(BASE + "/" + id + "/publish").then().statusCode(428);
        String stale = etag(id);
        put(id, "", update(Map.of())).then().statusCode(200);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", stale).body(update(Map.of()))
                .put(BASE + "/" + id).then().statusCode(412).body("type", equalTo(PROBLEM + "stale-etag"));
        Api.asProvinceAdmin().header("If-Match", stale).post(BASE + "/" + id + "/publish").then().statusCode(412);
        Api.asProvinceAdmin().header("If-Match", stale).post(BASE + "/" + id + "/close").then().statusCode(412);
        assertThat(Database.count("SELECT revision FROM campaign WHERE id = ?", id)).isEqualTo(2);
        assertThat(audits(id, "campaign.update")).isEqualTo(1);
    }

    @Test
    void illegalTransitionsAre409WithTheirOwnType() {
        long empty = created(Map.of("materials", List.of())).getLong("id");
        transition(empty, "publish").then().statusCode(409).body("type", equalTo(PROBLEM + "campaign-incomplete"))
                .body("errors.field", equalTo(List.of("materials")));
        long past = created(Map.of("opensAt", "2020-01-01T00:00:00Z", "closesAt", "2020-02-01T00:00:00Z")).getLong("id");
        transition(past, "publish").then().statusCode(409).body("errors.field", equalTo(List.of("closesAt")));

        long id = created(Map.of()).getLong("id");
        transition(id, "close").then().statusCode(409).body("type", equalTo(PROBLEM + "campaign-not-published"));
        transition(id, "publish").then().statusCode(200);
        transition(id, "publish").then().statusCode(409).body("type", equalTo(PROBLEM + "campaign-already-published"));
        put(id, "/materials", Map.of("materials", List.of())).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "campaign-incomplete"));
        transition(id, "close").then().statusCode(200);
        transition(id, "close").then().statusCode(409).body("type", equalTo(PROBLEM + "campaign-closed"));
        transition(id, "publish").then().statusCode(409).body("type", equalTo(PROBLEM + "campaign-closed"));
        put(id, "", update(Map.of())).then().statusCode(409).body("type", equalTo(PROBLEM + "campaign-closed"));
        put(id, "/materials", Map.of("materials", List.of(notice))).then().statusCode(409)
                .body("type", equalTo(PROBLEM + "campaign-closed"));
        assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE target = ?", "campaign:" + id)).isEqualTo(3);
    }

    @Test
    void orgAdminsReadOverlappingCampaignsAndWriteNothing() {
        long xining = created(Map.of("audience", List.of("QH-XN-CD"))).getLong("id");
        long haidong = created(Map.of("audience", List.of("QH-HD"))).getLong("id");
        long province = created(Map.of("audience", List.of("QH"))).getLong("id");
        String admin = TestTokens.orgAdmin("tca-admin-xn", "QH-XN");
        Api.as(admin).get(BASE + "?size=500").then().statusCode(200)
                .body("items.id", hasItems((int) xining, (int) province))
                .body("items.id", not(hasItem((int) haidong)));
        Api.as(admin).get(BASE + "/" + xining).then().statusCode(200);
        Api.as(admin).get(BASE + "/" + haidong).then().statusCode(403)
                .body("type", equalTo(PROBLEM + "outside-subtree"));
        Api.as(admin).contentType("application/json").body(body(Map.of())).post(BASE).then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo(PROBLEM + "forbidden"));
        Api.as(admin).header("If-Match", etag(xining)).post(BASE + "/" + xining + "/publish").then().statusCode(403);
        Api.as(admin).contentType("application/json").header("If-Match", etag(xining)).body(update(Map.of()))
                .put(BASE + "/" + xining).then().statusCode(403);
        String worker = newWorker("QH-TCA-G1");
        Api.as(worker).get(BASE).then().statusCode(403).body("type", equalTo(PROBLEM + "forbidden"));
        Api.as(worker).contentType("application/json").body(body(Map.of())).post(BASE).then().statusCode(403);
        Api.asProvinceAdmin().get("/api/v1/campaigns").then().statusCode(403)
                .body("type", equalTo(PROBLEM + "forbidden"));
        assertThat(Database.count("SELECT revision FROM campaign WHERE id = ?", xining)).isEqualTo(1);
    }

    @Test
    void workersSeePublishedCampaignsOfTheirUnionWithTheirProgress() {
        List<Long> modules = modulesOf(notice);
        long optional = modules.get(0);
        long mine = created(Map.of("title", "【测试】城东活动", "audience", List.of("QH-XN-CD"),
                "materials", List.of(notice, secondNotice), "optionalModuleIds", List.of(optional),
                "opensAt", "2022-11-16T00:00:00Z")).getLong("id");
        long haidong = created(Map.of("audience", List.of("QH-HD"))).getLong("id");
        long draft = created(Map.of("audience", List.of("QH-XN-CD"))).getLong("id");
        long later = created(Map.of("title", "【测试】未开始", "audience", List.of("QH-XN"),
                "opensAt", "2098-01-01T00:00:00Z")).getLong("id");
        for (long id : List.of(mine, haidong, later)) {
            transition(id, "publish").then().statusCode(200);
        }
        long closed = created(Map.of("audience", List.of("QH-XN-CD"))).getLong("id");
        transition(closed, "publish").then().statusCode(200);
        transition(closed, "close").then().statusCode(200);

        String worker = newWorker("QH-TCA-G1");
        JsonPath fresh = Api.as(worker).get("/api/v1/campaigns").then().statusCode(200).extract().jsonPath();
        List<Long> ids = fresh.getList("id", Long.class);
        assertThat(ids).contains(mine, later).doesNotContain(haidong, draft, closed);
        assertThat(ids.indexOf(later)).isLessThan(ids.indexOf(mine));
        int requiredModules = modules.size() - 1 + modulesOf(secondNotice).size();
        String path = "find { it.id == " + mine + " }";
        assertThat(fresh.getString(path + ".title")).isEqualTo("【测试】城东活动");
        assertThat(fresh.getBoolean(path + ".openNow")).isTrue();
        assertThat(fresh.getBoolean("find { it.id == " + later + " }.openNow")).isFalse();
        assertThat(fresh.getList(path + ".materials.docNumber")).containsExactly("青总发〔2022〕24号", SECOND_DOC);
        assertThat(fresh.getInt(path + ".progress.requiredModules")).isEqualTo(requiredModules);
        assertThat(fresh.getInt(path + ".progress.completedModules")).isZero();
        assertThat(fresh.getString(path + ".progress.finalBestScore")).isNull();
        assertThat(fresh.getBoolean(path + ".progress.finalPassed")).isFalse();
        assertThat(fresh.getLong(path + ".progress.secondsSpent")).isZero();
        assertThat(fresh.getString(path + ".progress.startedAt")).isNull();
        assertThat(fresh.getString(path + ".progress.completedAt")).isNull();

        // Reading the optional preface and the required section 1, then passing the campaign's FINAL.
        long sectionOne = Database.count("SELECT id FROM study_module WHERE notice_id = ? AND code = '1'", notice);
        Instant before = Instant.now().minusSeconds(1);
        List<Map<String, Object>> events = new java.util.ArrayList<>();
        int credited = 0;
        for (long module : List.of(optional, sectionOne)) {
            int seconds = 60 * Api.as(worker).get("/api/v1/campaigns/" + mine + "/modules").then().statusCode(200)
                    .extract().jsonPath().getInt("find { it.id == " + module + " }.readingMinutes");
            events.add(Map.of("eventId", UUID.randomUUID().toString(), "moduleId", module, "percent", 100,
                    "secondsSpent", seconds, "occurredAt", Instant.now().minusSeconds(3600L - credited - seconds).toString(),
                    "channel", "APP"));
            credited += seconds;
        }
        Api.as(worker).contentType("application/json").body(Map.of("events", events)).post("/api/v1/me/progress")
                .then().statusCode(200);
        long finalQuiz = Database.count("SELECT id FROM quiz WHERE default_key = ?", "campaign:" + mine + ":FINAL");
        cn.qhzgh.study.testsupport.AttemptSolver.pass(worker, finalQuiz);

        JsonPath progressed = Api.as(worker).get("/api/v1/campaigns").then().statusCode(200).extract().jsonPath();
        assertThat(progressed.getInt(path + ".progress.requiredModules")).isEqualTo(requiredModules);
        assertThat(progressed.getInt(path + ".progress.completedModules")).as("the optional preface not counted")
                .isEqualTo(1);
        assertThat(progressed.getInt(path + ".progress.finalBestScore")).isEqualTo(100);
        assertThat(progressed.getBoolean(path + ".progress.finalPassed")).isTrue();
        assertThat(progressed.getLong(path + ".progress.secondsSpent")).isEqualTo(credited);
        assertThat(Instant.parse(progressed.getString(path + ".progress.startedAt"))).isBefore(before);
        assertThat(progressed.getString(path + ".progress.completedAt")).as("most required modules unread").isNull();
        // Another worker's records are not the caller's.
        assertThat(Api.as(newWorker("QH-TCA-G1")).get("/api/v1/campaigns").then().statusCode(200).extract()
                .jsonPath().getInt(path + ".progress.completedModules")).isZero();

        Api.as(newWorker("QH-TCA-G2")).get("/api/v1/campaigns").then().statusCode(200)
                .body("id", hasItem((int) haidong)).body("id", not(hasItem((int) mine)));
    }
}
