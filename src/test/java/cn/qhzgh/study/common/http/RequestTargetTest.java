package cn.qhzgh.study.common.http;

import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.RawHttp;
import com.atlassian.oai.validator.model.Request;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Socket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README's Limits table says of requests the HTTP layer answers before the service sees them: a bare status
 * with no problem+json, outside the contract. Pinned here so that the table changes when Quarkus' answer does.
 */
@QuarkusTest
class RequestTargetTest {

    private static final String WORKERS = "/api/v1/admin/workers";

    @ParameterizedTest
    @ValueSource(strings = {"?q=西宁", "?q=a|b", "?q={x}", "?q=a%ZZ", "/%ZZ"})
    void aTargetThatIsNoUriGetsABare400AndTheConnectionServesTheEncodedOne(String rest) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            RawHttp.Reply refused = RawHttp.get(socket, WORKERS + rest).orElseThrow();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).isEmpty();
            assertThat(refused.header("Content-Type")).isNull();

            String encoded = WORKERS + "?q=%E8%A5%BF%E5%AE%81%7C";
            RawHttp.Reply served = RawHttp.get(socket, encoded).orElseThrow();
            ContractValidation.checkRawResponse("no token: the service itself answers", Request.Method.GET, WORKERS,
                    served);
            assertThat(served.status()).isEqualTo(401);
            assertThat(served.header("Content-Type")).isEqualTo("application/problem+json");
        }
    }

    @Test
    void aHeaderValueWithAControlCharacterGetsABare400() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            RawHttp.Reply refused = RawHttp.get(socket, "/api/v1/modules/1", Map.of("If-None-Match", "\"\u0001\""))
                    .orElseThrow();
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).isEmpty();
        }
    }

    @Test
    void aRequestLineOver16KiBGets414AndHeadersOver20KiBGet431() throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            RawHttp.Reply longLine = RawHttp.get(socket, WORKERS + "?q=" + "a".repeat(17 * 1024)).orElseThrow();
            assertThat(longLine.status()).isEqualTo(414);
            assertThat(longLine.body()).isEmpty();
        }
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            RawHttp.Reply bigHeaders = RawHttp.get(socket, WORKERS, Map.of("X-Padding", "a".repeat(21 * 1024)))
                    .orElseThrow();
            assertThat(bigHeaders.status()).isEqualTo(431);
            assertThat(bigHeaders.body()).isEmpty();
        }
    }
}
