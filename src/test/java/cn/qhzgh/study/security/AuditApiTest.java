package cn.qhzgh.study.security;

import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuditApiTest {

    @Test
    void adminActionsLeaveAnAuditTrail() {
        Fixtures.skeleton();
        Fixtures.orgs("QH-TAU-1,【测试】审计产业工会,INDUSTRY,QH\n");
        Api.upload("/api/v1/admin/orgs/import", "dry.csv",
                "code,name,type,parent_code\nQH-TAU-2,【测试】演练,DIRECT,QH\n".getBytes(), true).statusCode(200);
        List<Map<String, Object>> entries = Api.asProvinceAdmin().get("/api/v1/admin/audit?size=20").then()
                .statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> newest = entries.get(0);
        assertThat(newest).containsEntry("actor", "test-province-admin").containsEntry("role", "province-admin")
                .containsEntry("action", "orgs.import").containsEntry("target", "file:orgs.csv");
        assertThat((String) newest.get("detail")).contains("created=1");
        assertThat(newest.get("at")).isNotNull();
        Api.as(TestTokens.orgAdmin("tau-admin", "QH-XN")).get("/api/v1/admin/audit").then().statusCode(403);
    }

    @Test
    void pagesBeyondTheCapAndPagesThatAreNoNumberAre400NamingThePage() {
        Api.asProvinceAdminBreakingContract("page above its documented maximum")
                .get("/api/v1/admin/audit?page=2147483647").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        Api.asProvinceAdminBreakingContract("page is not an integer")
                .get("/api/v1/admin/audit?page=9223372036854775807").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        Api.asProvinceAdmin().get("/api/v1/admin/audit?page=" + PageResult.MAX_PAGE).then().statusCode(200)
                .body("items", empty());
    }
}
