package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

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
}
