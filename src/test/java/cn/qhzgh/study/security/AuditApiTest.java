package cn.qhzgh.study.security;

import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
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
        assertThat((String) newest.get("detail")).isEqualTo("1 row(s): 1 created, 0 updated, 0 unchanged");
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

    @Test
    void entriesFilterByActorActionAndBeijingDays() {
        // Written as another pod would: one second either side of midnight in Beijing (16:00 UTC), and other actors.
        String insert = "INSERT INTO audit_entry (at, actor, role, action, target) VALUES (?, ?, 'province-admin', ?, 'x')";
        Database.execute(insert, "2021-03-01 15:59:59", "tau-filter-a", "tau.first");
        Database.execute(insert, "2021-03-01 16:00:00", "tau-filter-a", "tau.second");
        Database.execute(insert, "2021-03-02 03:00:00", "tau-filter-b", "tau.second");

        assertThat(actions("actor=tau-filter-a")).containsExactly("tau.second", "tau.first");
        assertThat(actions("actor=tau-filter-a&action=tau.second")).containsExactly("tau.second");
        assertThat(actors("action=tau.second")).containsExactly("tau-filter-b", "tau-filter-a");
        assertThat(actions("actor=tau-filter-a&from=2021-03-02&to=2021-03-02")).containsExactly("tau.second");
        assertThat(actions("actor=tau-filter-a&to=2021-03-01")).containsExactly("tau.first");
        assertThat(actions("actor=tau-filter-a&from=2021-03-03")).isEmpty();
        Api.asProvinceAdmin().get("/api/v1/admin/audit?action=tau.second&size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].actor", equalTo("tau-filter-a"));

        Api.asProvinceAdmin().get("/api/v1/admin/audit?from=2021-03-02&to=2021-03-01").then().statusCode(400)
                .body("type", equalTo("urn:qhzgh:study:problem:invalid-range")).body("errors[0].field", equalTo("from"));
        Api.asProvinceAdminBreakingContract("to is not a date").get("/api/v1/admin/audit?to=yesterday").then()
                .statusCode(400).body("type", equalTo("urn:qhzgh:study:problem:invalid-date"))
                .body("errors[0].field", equalTo("to"));
        Api.asProvinceAdminBreakingContract("actor longer than its documented maximum")
                .get("/api/v1/admin/audit?actor=" + "a".repeat(65)).then().statusCode(400);
    }

    private static List<String> actions(String query) {
        return Api.asProvinceAdmin().get("/api/v1/admin/audit?" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.action");
    }

    private static List<String> actors(String query) {
        return Api.asProvinceAdmin().get("/api/v1/admin/audit?" + query).then().statusCode(200).extract().jsonPath()
                .getList("items.actor");
    }
}
