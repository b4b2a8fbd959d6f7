package cn.qhzgh.study.deploy;

import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

/**
 * Runs against the packaged jar (target/quarkus-app, prod profile, started by failsafe after {@code package}) with
 * real signed tokens: an admin loads the unions and the notice, then a new worker lists campaigns, reads a module
 * and revalidates it (304), syncs progress and sees it in the records. Every exchange is checked against the contract.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedJarSettings.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class PackagedJarWorkerFlowIT {

    private static PrivateKey signingKey;

    @BeforeAll
    static void contractAndKey() throws Exception {
        if (!RestAssured.filters().contains(ContractValidation.instance())) {
            RestAssured.filters(ContractValidation.instance());
        }
        signingKey = KeyUtils.decodePrivateKey(Files.readString(PackagedJarSettings.PRIVATE_KEY));
    }

    @Test
    void aNewWorkerStudiesThroughThePackagedJar() {
        String admin = TestTokens.claims("it-province-admin", "province-admin", "QH").sign(signingKey);
        as(admin).multiPart("file", Fixtures.UNIONS_CSV.toFile(), "text/csv").post("/api/v1/admin/orgs/import")
                .then().statusCode(200);
        as(admin).contentType("text/markdown; charset=UTF-8")
                .body(Fixtures.noticeText().getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/notices")
                .then().statusCode(oneOf(200, 201));
        String worker = TestTokens.claims("it-w-" + UUID.randomUUID(), "worker", "QH-XN").sign(signingKey);

        JsonPath campaigns = as(worker).get("/api/v1/campaigns").then().statusCode(200).extract().jsonPath();
        assertThat(campaigns.getList("openNow", Boolean.class)).contains(true);
        long campaign = campaigns.getLong("find { it.openNow }.id");

        List<Long> modules = as(worker).get("/api/v1/campaigns/" + campaign + "/modules").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);
        assertThat(modules).hasSize(19);
        long module = modules.get(0);
        String etag = as(worker).get("/api/v1/modules/" + module).then().statusCode(200)
                .extract().header("ETag");
        assertThat(etag).startsWith("\"v");
        as(worker).header("If-None-Match", etag).get("/api/v1/modules/" + module).then().statusCode(304);

        Map<String, Object> event = Map.of("eventId", UUID.randomUUID().toString(), "moduleId", module,
                "percent", 100, "secondsSpent", 60, "channel", "WECHAT",
                "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString());
        JsonPath synced = as(worker).contentType("application/json").body(Map.of("events", List.of(event)))
                .post("/api/v1/me/progress").then().statusCode(200).extract().jsonPath();
        assertThat(synced.getList("results.status", String.class)).containsExactly("ACCEPTED");

        JsonPath records = as(worker).get("/api/v1/me/records?campaign=" + campaign).then().statusCode(200)
                .extract().jsonPath();
        String read = "modules.find { it.moduleId == " + module + " }";
        assertThat(records.getInt(read + ".percent")).isEqualTo(100);
        assertThat(records.getLong(read + ".secondsSpent")).isEqualTo(60);
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }
}
