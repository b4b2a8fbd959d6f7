package cn.qhzgh.study.security;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SecurityTest {

    private static final String PROTECTED = "/api/v1/me";

    @BeforeEach
    void skeleton() {
        Fixtures.skeleton();
        Fixtures.orgs("T-SEC-G1,【测试】安全测试基层工会,GRASSROOTS,QH-XN-CD\n");
    }

    @Test
    void missingTokenIsProblem401() {
        RestAssured.given().filter(ContractValidation.requestDeliberatelyBreaksContract("no bearer token at all must get 401"))
                .get(PROTECTED).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", equalTo("urn:qhzgh:study:problem:unauthorized"));
    }

    @Test
    void expiredTokenIs401() {
        String expired = TestTokens.claims("sec-w-1", "worker", "T-SEC-G1")
                .issuedAt(System.currentTimeMillis() / 1000 - 7200)
                .expiresAt(System.currentTimeMillis() / 1000 - 3600).sign();
        Api.as(expired).get(PROTECTED).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void wrongIssuerIs401() {
        String token = Jwt.issuer("https://evil.example").audience(TestTokens.AUDIENCE).subject("sec-w-1")
                .groups(Set.of("worker")).claim("org", "T-SEC-G1").sign();
        Api.as(token).get(PROTECTED).then().statusCode(401);
    }

    @Test
    void wrongAudienceIs401() {
        String token = Jwt.issuer(TestTokens.ISSUER).audience("another-service").subject("sec-w-1")
                .groups(Set.of("worker")).claim("org", "T-SEC-G1").sign();
        Api.as(token).get(PROTECTED).then().statusCode(401);
    }

    @Test
    void tamperedPayloadIs401() {
        String[] parts = TestTokens.worker("sec-w-1", "T-SEC-G1").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"worker\"", "\"province-admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Api.as(forged).get("/api/v1/admin/workers?org=QH").then().statusCode(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair stranger = generator.generateKeyPair();
        String token = TestTokens.claims("sec-w-1", "worker", "T-SEC-G1").jws().sign(stranger.getPrivate());
        Api.as(token).get(PROTECTED).then().statusCode(401);
    }

    @Test
    void hmacSignedTokenIsRejectedBecauseOnlyRs256IsAccepted() {
        String token = TestTokens.claims("sec-w-1", "worker", "T-SEC-G1").jws()
                .signWithSecret("a-shared-secret-that-is-long-enough-for-hs256!");
        Api.as(token).get(PROTECTED).then().statusCode(401);
    }

    @Test
    void workerOnAdminEndpointIs403() {
        Api.as(TestTokens.worker("sec-w-2", "T-SEC-G1"))
                .multiPart("file", "orgs.csv", "code,name,type,parent_code\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/admin/orgs/import").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void orgAdminOutsideSubtreeIs403() {
        String xining = TestTokens.orgAdmin("sec-admin-xn", "QH-XN");
        Api.as(xining).get("/api/v1/orgs/QH-XN-CD").then().statusCode(200);
        Api.as(xining).get("/api/v1/orgs/QH-HD").then().statusCode(403)
                .body("type", equalTo("urn:qhzgh:study:problem:outside-subtree"));
        Api.as(xining).get("/api/v1/orgs/QH/tree").then().statusCode(403);
        Api.as(xining).get("/api/v1/admin/workers?org=QH-HD").then().statusCode(403);
    }

    @Test
    void orgAdminCannotImport() {
        Api.as(TestTokens.orgAdmin("sec-admin-xn", "QH-XN"))
                .multiPart("file", Fixtures.UNIONS_CSV.toFile(), "text/csv")
                .post("/api/v1/admin/orgs/import").then().statusCode(403);
    }

    @Test
    void workerOrAdminOfUnknownOrgIs403WithClearDetail() {
        Api.as(TestTokens.worker("sec-w-3", "NO-SUCH-UNION")).get(PROTECTED).then().statusCode(403)
                .body("type", equalTo("urn:qhzgh:study:problem:unknown-org"))
                .body("detail", containsString("NO-SUCH-UNION"));
        Api.as(TestTokens.orgAdmin("sec-admin-x", "NO-SUCH-UNION")).get("/api/v1/orgs/QH").then().statusCode(403);
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id = 'sec-w-3'")).isZero();
    }

    @Test
    void provinceAdminOfUnknownOrgCanStillBootstrap() {
        String bootstrap = TestTokens.claims("sec-root", "province-admin", "NOT-YET-IMPORTED").sign();
        Api.as(bootstrap).get(PROTECTED).then().statusCode(200).body("role", equalTo("province-admin"));
        Api.as(bootstrap).multiPart("file", Fixtures.UNIONS_CSV.toFile(), "text/csv")
                .post("/api/v1/admin/orgs/import?dryRun=true").then().statusCode(200);
    }

    @Test
    void unknownWorkerIsProvisionedOnFirstCall() {
        Api.as(TestTokens.claims("sec-jit-1", "worker", "T-SEC-G1").claim("name", "张三").sign())
                .get(PROTECTED).then().statusCode(200)
                .body("externalId", equalTo("sec-jit-1"))
                .body("name", equalTo("张三"))
                .body("org.code", equalTo("T-SEC-G1"));
        assertThat(Database.count("SELECT COUNT(*) FROM worker w JOIN organization o ON o.id = w.org_id "
                + "WHERE w.external_id = 'sec-jit-1' AND o.code = 'T-SEC-G1' AND w.source = 'TOKEN'")).isEqualTo(1);
    }

    @Test
    void concurrentFirstCallsProvisionOneWorker() throws Exception {
        String token = TestTokens.worker("sec-jit-race", "T-SEC-G1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = java.util.Collections.nCopies(16,
                    () -> Api.as(token).get(PROTECTED).statusCode());
            for (Future<Integer> status : pool.invokeAll(calls)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id = 'sec-jit-race'")).isEqualTo(1);
    }

    @Test
    void healthAndOpenApiStayOpen() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/openapi").then().statusCode(200);
    }
}
