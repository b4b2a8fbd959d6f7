package cn.qhzgh.study.content;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ModuleApiTest {

    private static final List<String> CODES = List.of("0", "1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3",
            "3.4", "3.5", "3.6", "3.7", "3.8", "4", "4.1", "4.2", "4.3");

    private String worker;

    @BeforeEach
    void data() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs("QH-TMOD-G1,【测试】模块测试基层工会,GRASSROOTS,QH-XN-CD\n");
        worker = TestTokens.worker("tmod-w-1", "QH-TMOD-G1");
    }

    private Map<String, Object> realModule(String code) {
        List<Map<String, Object>> modules = Api.as(worker).get("/api/v1/modules").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.code == '" + code + "' }");
        return modules.get(0);
    }

    @Test
    void workersReadTheNoticeModulesInReadingOrder() {
        Response response = Api.as(worker).get("/api/v1/modules");
        response.then().statusCode(200);
        List<String> codes = response.jsonPath().getList("findAll { it.title != null }.code");
        assertThat(codes).containsSubsequence(CODES);
        Map<String, Object> m33 = realModule("3.3");
        assertThat(m33).containsEntry("parentCode", "3")
                .containsEntry("title", "在加强思想政治引领，汇集凝聚百万职工团结奋斗的磅礴力量上下功夫")
                .containsKeys("id", "position", "readingMinutes", "version");
        assertThat(realModule("4.1")).containsEntry("title", "加强组织领导");
    }

    @Test
    void detailCarriesParagraphsHashAndStrongEtag() {
        Object id = realModule("3.5").get("id");
        Api.as(worker).get("/api/v1/modules/" + id).then().statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"v\\d+-[0-9a-f]{32}\""))
                .body("contentHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("paragraphs[0]", containsString("“司机之家”"))
                .body("paragraphs[0]", not(containsString("司机之\n")));
    }

    @Test
    void ifNoneMatchGets304WithoutTouchingTheDatabase() {
        Object id = realModule("2.1").get("id");
        String etag = Api.as(worker).get("/api/v1/modules/" + id).then().statusCode(200).extract().header("ETag");
        long before = Database.acquisitions();
        Api.as(worker).header("If-None-Match", etag).get("/api/v1/modules/" + id).then()
                .statusCode(304).header("ETag", etag);
        assertThat(Database.acquisitions()).isEqualTo(before);
        Api.as(worker).header("If-None-Match", "\"v0-stale\"").get("/api/v1/modules/" + id).then().statusCode(200);
        Api.as(worker).header("If-None-Match", "W/" + etag).get("/api/v1/modules/" + id).then()
                .statusCode(304).header("ETag", etag);
    }

    @Test
    void responsesAreGzippedWhenAccepted() {
        Api.as(worker).header("Accept-Encoding", "gzip").get("/api/v1/modules").then().statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void unknownModuleIs404Problem() {
        Api.as(worker).get("/api/v1/modules/999999").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:qhzgh:study:problem:module-not-found"));
    }

    @Test
    void adminEditNeedsCurrentIfMatch() {
        Object id = realModule("4.3").get("id");
        String path = "/api/v1/admin/modules/" + id;
        String etag = Api.asProvinceAdmin().get(path).then().statusCode(200).extract().header("ETag");
        List<String> paragraphs = Api.asProvinceAdmin().get(path).jsonPath().getList("paragraphs");
        Map<String, Object> body = Map.of("paragraphs", List.of(paragraphs.get(0) + "（修订）"));

        Api.asProvinceAdminBreakingContract("an edit without If-Match must get 428").contentType("application/json")
                .body(body).put(path + "/paragraphs").then().statusCode(428).contentType("application/problem+json");
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", "\"v9-nope\"").body(body)
                .put(path + "/paragraphs").then().statusCode(412);
        String newEtag = Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag).body(body)
                .put(path + "/paragraphs").then().statusCode(200)
                .body("paragraphs[0]", containsString("（修订）"))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        Api.asProvinceAdmin().contentType("application/json").header("If-Match", etag).body(body)
                .put(path + "/paragraphs").then().statusCode(412);
        Api.as(worker).get("/api/v1/modules/" + id).then().statusCode(200).header("ETag", newEtag)
                .body("paragraphs[0]", containsString("（修订）"));
        Api.as(worker).header("If-None-Match", etag).get("/api/v1/modules/" + id).then().statusCode(200);
    }

    @Test
    void editBodyIsValidatedFieldByField() {
        Object id = realModule("4.2").get("id");
        Api.asProvinceAdminBreakingContract("a blank paragraph must be named field by field")
                .contentType("application/json").header("If-Match", "*")
                .body(Map.of("paragraphs", List.of("正文", " "))).put("/api/v1/admin/modules/" + id + "/paragraphs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("paragraphs[1]"));
        Api.asProvinceAdminBreakingContract("truncated JSON must get a problem, not a 500")
                .contentType("application/json").header("If-Match", "*").body("{\"paragraphs\": [")
                .put("/api/v1/admin/modules/" + id + "/paragraphs").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unpublishedModulesDisappearForWorkers() {
        Object id = realModule("3.8").get("id");
        Api.asProvinceAdmin().post("/api/v1/admin/modules/" + id + "/unpublish").then().statusCode(200)
                .body("published", equalTo(false));
        Api.as(worker).get("/api/v1/modules/" + id).then().statusCode(404);
        Api.as(worker).get("/api/v1/modules").then().body("id", not(hasItem(id)));
        Api.asProvinceAdmin().post("/api/v1/admin/modules/" + id + "/publish").then().statusCode(200)
                .body("published", equalTo(true));
        Api.as(worker).get("/api/v1/modules/" + id).then().statusCode(200);
    }

    @Test
    void theAdminListNamesEachModulesDocument() {
        long notice = Database.count("SELECT id FROM notice WHERE doc_number = '青总发〔2022〕24号'");
        List<Map<String, Object>> modules = Api.asProvinceAdmin().get("/api/v1/admin/modules").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.docNumber == '青总发〔2022〕24号' }");
        assertThat(modules).extracting(m -> ((Number) m.get("noticeId")).longValue()).containsOnly(notice);
        assertThat(modules).extracting(m -> m.get("code")).containsAll(CODES);
    }

    @Test
    void workersCannotUseAdminModuleEndpoints() {
        Object id = realModule("0").get("id");
        Api.as(worker).post("/api/v1/admin/modules/" + id + "/unpublish").then().statusCode(403);
    }
}
