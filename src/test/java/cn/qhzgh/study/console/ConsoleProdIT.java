package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Browser;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The packaged production jar (failsafe, after package) against the test MariaDB: no dev sign-in exists, and without an
 * identity provider configured the console says nobody can sign in, in a real browser.
 */
@QuarkusIntegrationTest
@WithTestResource(ConsoleProdIT.VerificationKey.class)
class ConsoleProdIT {

    /** What a deployment must set anyway (JwtConfigCheck), here the non-production key; no console settings at all. */
    public static class VerificationKey implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("mp.jwt.verify.publickey.location",
                    Path.of("src/main/dev-keys/non-production-public.pem").toAbsolutePath().toString(),
                    "mp.jwt.verify.issuer", TestTokens.ISSUER, "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                    "quarkus.hibernate-orm.database.version-check.enabled", "false", "quarkus.management.port", "0");
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void theProductionBuildHasNoDevSignInAndItsConsoleSaysThatNobodyCanSignIn() {
        RestAssured.given().get("/console/dev-sign-in").then().statusCode(404);
        RestAssured.given().post("/console/dev-sign-in/province-admin").then().statusCode(404);
        RestAssured.given().get("/console/settings").then().statusCode(200)
                .body("oidc", nullValue()).body("devSignIn", equalTo(false));
        RestAssured.given().header("Accept-Encoding", "gzip").get("/console/app.js").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        try (Browser browser = Browser.start()) {
            browser.open("");
            assertThat(browser.text("#oidc-missing")).contains("尚未配置统一身份认证");
            assertThat(browser.all("[data-identity]")).isEmpty();
            assertThat(browser.all("#oidc-sign-in")).isEmpty();
        }
    }
}
