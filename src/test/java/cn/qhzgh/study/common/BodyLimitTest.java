package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class BodyLimitTest {

    @TestHTTPResource("/api/v1/me/progress")
    URI progress;

    /**
     * Expect: 100-continue lets the server refuse by the declared length, as well-behaved phones ask it to.
     * Vert.x answers this 413 itself, before any resource or mapper runs, so it has no problem+json body; the
     * endpoints' own file caps below the global limit do answer problem+json.
     */
    @Test
    void anOverLimitBodyIsRefusedWith413() throws Exception {
        byte[] body = new byte[21 * 1024 * 1024];
        HttpRequest request = HttpRequest.newBuilder(progress).version(HttpClient.Version.HTTP_1_1).expectContinue(true)
                .header("Authorization", "Bearer " + TestTokens.provinceAdmin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aJsonBodyOverItsCapGetsProblemJsonAndStoresNothing() {
        Fixtures.skeleton();
        long eventsBefore = Database.count("SELECT COUNT(*) FROM progress_event");
        String padding = "x".repeat(1024 * 1024);
        Api.as(TestTokens.worker("w-body-limit", "QH-XN"))
                .filter(ContractValidation.requestDeliberatelyBreaksContract("a body over the 1 MiB JSON cap"))
                .contentType("application/json").body("{\"events\":[],\"padding\":\"" + padding + "\"}")
                .post("/api/v1/me/progress")
                .then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Content Too Large"))
                .body("type", equalTo("urn:qhzgh:study:problem:body-too-large"));
        assertThat(Database.count("SELECT COUNT(*) FROM progress_event")).isEqualTo(eventsBefore);
    }
}
