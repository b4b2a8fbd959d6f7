package cn.qhzgh.study.console;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The console's files and its two small endpoints: public, compressed, and the dev sign-in of a test build. */
@QuarkusTest
class ConsoleEndpointsTest {

    @Test
    void settingsNameTheProviderAndTheDevSignInAndAreNeverCached() {
        RestAssured.given().get("/console/settings").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("oidc.issuer", endsWith("/test-idp")).body("oidc.clientId", equalTo("study-console"))
                .body("oidc.scopes", equalTo("openid profile")).body("devSignIn", equalTo(true));
    }

    @Test
    void theDevSignInListsTheDemoIdentitiesAndHandsOutTokensTheApiAccepts() {
        Fixtures.skeleton();
        RestAssured.given().get("/console/dev-sign-in").then().statusCode(200)
                .body("id", hasItems("province-admin", "org-admin", "worker"))
                .body("find { it.id == 'org-admin' }.org", equalTo("QH-XN"));
        String token = RestAssured.given().post("/console/dev-sign-in/org-admin").then().statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(8 * 3600))
                .extract().path("access_token");
        Api.as(token).get("/api/v1/me").then().statusCode(200).body("role", equalTo("org-admin"))
                .body("externalId", equalTo("demo-admin-xn"));
        RestAssured.given().post("/console/dev-sign-in/root").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith(":demo-identity-not-found"));
    }

    @Test
    void theConsoleAndItsLibrariesArePublicAndCompressed() {
        ExtractableResponse<Response> page = gzip("/console/");
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("/_importmap/generated_importmap.js", "/console/app.js");
        ExtractableResponse<Response> app = gzip("/console/app.js");
        assertThat(app.contentType()).startsWith("text/javascript");
        assertThat(app.header("Cache-Control")).as("a new release shows at once").isEqualTo("no-cache");
        assertThat(gzip("/console/console.css").contentType()).startsWith("text/css");
        // The generated import map (2 KB) comes from its own route, which Quarkus does not compress.
        RestAssured.given().get("/_importmap/generated_importmap.js").then().statusCode(200)
                .body(containsString("\"lit\""), containsString("\"echarts/dist/\""));
        assertThat(gzip("/_static/echarts/6.0.0/dist/echarts.common.min.js").contentType()).startsWith("text/javascript");
        assertThat(gzip("/_static/lit/3.3.1/index.js").header("Cache-Control")).contains("max-age=");
        RestAssured.given().get("/").then().statusCode(200).body(containsString("url=/console/"));
        RestAssured.given().filter(ContractValidation.requestDeliberatelyBreaksContract("the API still wants a token"))
                .get("/api/v1/me").then().statusCode(401);
    }

    /** Asks for gzip and checks it came gzipped (REST Assured then inflates the body). */
    private static ExtractableResponse<Response> gzip(String path) {
        return RestAssured.given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig()
                        .contentDecoders(DecoderConfig.ContentDecoder.GZIP)))
                .header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                .header("Content-Encoding", "gzip").extract();
    }
}
