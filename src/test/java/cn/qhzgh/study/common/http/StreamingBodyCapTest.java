package cn.qhzgh.study.common.http;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.HeapWatch;
import cn.qhzgh.study.testsupport.RawHttp;
import cn.qhzgh.study.testsupport.TestTokens;
import com.atlassian.oai.validator.model.Request;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bodies are counted while they stream in: a chunked body far over its cap is refused with 413 problem+json after
 * at most its cap was read, the heap of this JVM (the server's) stays flat, and the connection is closed soon after
 * instead of swallowing the rest.
 */
@QuarkusTest
class StreamingBodyCapTest {

    private static final long FIFTY_MB = 50_000_000L;
    /** Over the 1 MiB JSON cap, under the global limit that Vert.x itself enforces by the declared length. */
    private static final long DECLARED = 5_000_000L;
    private static final long HEAP_BOUND_BYTES = 20_000_000L;
    private static final String BOUNDARY = "capped-upload-boundary";
    /** Jackson turns each copy into a tree of its own, as it would a real batch: what a parsed body costs the heap. */
    private static final String EVENT = "{\"eventId\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"moduleId\":11,"
            + "\"percent\":60,\"secondsSpent\":180,\"occurredAt\":\"2022-11-20T09:30:00+08:00\",\"channel\":\"WECHAT\"}";

    @TestHTTPResource("/")
    URI server;

    @Test
    void aFiftyMegabyteChunkedJsonBodyGets413WithBoundedHeap() throws Exception {
        Fixtures.skeleton();
        long eventsBefore = Database.count("SELECT COUNT(*) FROM progress_event");
        RawHttp.Body body = RawHttp.Body.of("{\"events\":[", EVENT + ",", FIFTY_MB, EVENT + "]}");

        HeapWatch.Watched<RawHttp.Reply> watched = HeapWatch.during(() -> RawHttp.post(server, "/api/v1/me/progress",
                Map.of("Authorization", "Bearer " + TestTokens.worker("w-chunked-json", "QH-XN"),
                        "Content-Type", "application/json"), body));

        RawHttp.Reply reply = watched.result();
        System.out.printf("50 MB chunked JSON: %d after %d bytes sent, closed %d ms after the answer; %s%n",
                reply.status(), reply.bytesSent(), reply.closedAfterMillis(), watched.describe());
        assertProblem(reply, 413, "body-too-large");
        ContractValidation.checkRawResponse("a 50 MB chunked JSON body, far over the 1 MiB cap",
                Request.Method.POST, "/api/v1/me/progress", reply);
        assertThat(watched.peakIncreaseBytes()).isLessThan(HEAP_BOUND_BYTES);
        assertThat(reply.closedAfterMillis()).isBetween(0L, 5_000L);
        assertThat(Database.count("SELECT COUNT(*) FROM progress_event")).isEqualTo(eventsBefore);
    }

    /** Jackson fails differently on many small values than on a few large ones; the answer must not change. */
    @Test
    void aChunkedJsonBodyOfManySmallValuesGets413() throws Exception {
        RawHttp.Reply reply = RawHttp.post(server, "/api/v1/me/progress",
                Map.of("Authorization", "Bearer " + TestTokens.worker("w-chunked-small", "QH-XN"),
                        "Content-Type", "application/json"),
                RawHttp.Body.of("{\"events\":[", "{\"eventId\":\"x\"},", 3_200_000L, "{}]}"));

        assertProblem(reply, 413, "body-too-large");
        ContractValidation.checkRawResponse("a 3 MB chunked JSON body of small objects, over the 1 MiB cap",
                Request.Method.POST, "/api/v1/me/progress", reply);
    }

    @Test
    void aChunkedMultipartUploadOverItsCapGets413WithBoundedHeap() throws Exception {
        RawHttp.Body body = RawHttp.Body.of("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"notice.md\"\r\nContent-Type: text/markdown\r\n\r\n", "x", 30_000_000L,
                "\r\n--" + BOUNDARY + "--\r\n");

        HeapWatch.Watched<RawHttp.Reply> watched = HeapWatch.during(() -> RawHttp.post(server, "/api/v1/admin/notices",
                Map.of("Authorization", "Bearer " + TestTokens.provinceAdmin(),
                        "Content-Type", "multipart/form-data; boundary=" + BOUNDARY), body));

        RawHttp.Reply reply = watched.result();
        System.out.printf("30 MB chunked notice upload: %d after %d bytes sent, closed %d ms after the answer; %s%n",
                reply.status(), reply.bytesSent(), reply.closedAfterMillis(), watched.describe());
        assertProblem(reply, 413, "body-too-large");
        ContractValidation.checkRawResponse("a 30 MB chunked multipart notice, over the 2 MiB cap",
                Request.Method.POST, "/api/v1/admin/notices", reply);
        assertThat(watched.peakIncreaseBytes()).isLessThan(HEAP_BOUND_BYTES);
        assertThat(reply.closedAfterMillis()).isBetween(0L, 5_000L);
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedBeforeAnyBodyIsSent() throws Exception {
        RawHttp.Reply reply = RawHttp.post(server, "/api/v1/me/progress",
                Map.of("Authorization", "Bearer " + TestTokens.worker("w-declared-json", "QH-XN"),
                        "Content-Type", "application/json", "Content-Length", Long.toString(DECLARED)), (RawHttp.Body) null);

        assertProblem(reply, 413, "body-too-large");
        assertThat(reply.body()).contains(Long.toString(DECLARED));
        ContractValidation.checkRawResponse("declares a 5 MB JSON body and sends none of it",
                Request.Method.POST, "/api/v1/me/progress", reply);
        assertThat(reply.header("Connection")).isEqualTo("close");
        assertThat(reply.closedAfterMillis()).isBetween(0L, 5_000L);
    }

    /** A body that arrived whole keeps its connection, whatever its encoding: phones reuse connections. */
    @Test
    void writesWhoseBodiesArrivedKeepTheirConnection() throws Exception {
        Fixtures.skeleton();
        Fixtures.notice();
        long moduleId = Database.count("SELECT MIN(id) FROM study_module");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + TestTokens.worker("w-keep-alive", "QH-XN"),
                "Content-Type", "application/json");
        for (boolean chunked : new boolean[] {false, true}) {
            List<byte[]> batches = List.of(batchOfOne(moduleId), batchOfOne(moduleId), batchOfOne(moduleId));

            List<RawHttp.Reply> replies = RawHttp.postOnOneConnection(server, "/api/v1/me/progress", headers, batches,
                    chunked);

            assertThat(replies).as(chunked ? "chunked" : "with Content-Length").hasSize(3).allSatisfy(reply -> {
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.header("Connection")).isNull();
                assertThat(reply.body()).contains("\"status\":\"ACCEPTED\"");
            });
        }
    }

    /** A write refused before its body was read must not leave the connection stuck on that body. */
    @Test
    void aWriteRefusedBeforeItsBodyWasReadLeavesTheConnectionUsable() throws Exception {
        Fixtures.skeleton();
        Fixtures.notice();
        long moduleId = Database.count("SELECT MIN(id) FROM study_module");
        String worker = "Bearer " + TestTokens.worker("w-refused-keep-alive", "QH-XN");
        Map<String, String> json = Map.of("Authorization", worker, "Content-Type", "application/json");
        List<Map<String, String>> headers = List.of(
                Map.of("Authorization", worker, "Content-Type", "text/csv"),
                Map.of("Authorization", worker, "Content-Type", "no media type"),
                Map.of("Content-Type", "application/json"),
                json,
                json);
        byte[] malformed = "{\"events\": [ {\"eventId\": ".getBytes(StandardCharsets.UTF_8);
        List<byte[]> bodies = List.of(batchOfOne(moduleId), batchOfOne(moduleId), batchOfOne(moduleId), malformed,
                batchOfOne(moduleId));

        for (boolean chunked : new boolean[] {false, true}) {
            List<RawHttp.Reply> replies = RawHttp.postOnOneConnection(server, "/api/v1/me/progress", headers, bodies,
                    chunked);

            assertThat(replies).extracting(RawHttp.Reply::status).as(chunked ? "chunked" : "with Content-Length")
                    .containsExactly(415, 415, 401, 400, 200);
        }
    }

    private static byte[] batchOfOne(long moduleId) {
        return ("{\"events\":[{\"eventId\":\"" + UUID.randomUUID() + "\",\"moduleId\":" + moduleId
                + ",\"percent\":10,\"secondsSpent\":5,\"occurredAt\":\"" + OffsetDateTime.now().minusMinutes(1)
                + "\",\"channel\":\"APP\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Two uploads stall mid-body and hold the pod's two import permits; a third gets 429 until one of them ends. */
    @Test
    void importsBeyondThePodsLimitGet429WithRetryAfter() throws Exception {
        byte[] notice = Fixtures.noticeText().getBytes(StandardCharsets.UTF_8);
        try (Socket first = stalledUpload(); Socket second = stalledUpload()) {
            awaitStatus(notice, 429).header("Retry-After", equalTo("30"))
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:qhzgh:study:problem:imports-busy"));
        }
        awaitStatus(notice, 200);
    }

    private Socket stalledUpload() throws Exception {
        Socket socket = new Socket(server.getHost(), server.getPort());
        OutputStream out = socket.getOutputStream();
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notice.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n# 青海省总工会文件\r\n";
        out.write(("POST /api/v1/admin/notices?dryRun=true HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + TestTokens.provinceAdmin() + "\r\n"
                + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(part.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + part + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** Uploads the notice (dry run) until the answer has {@code status}; the permits change hands asynchronously. */
    private static ValidatableResponse awaitStatus(byte[] notice, int status) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L; // a loaded build machine may take seconds to admit the stalled uploads
        while (true) {
            ValidatableResponse response =
                    Api.upload("/api/v1/admin/notices", "notice.md", notice, true);
            if (response.extract().statusCode() == status || System.nanoTime() > deadline) {
                return response.statusCode(status);
            }
            Thread.sleep(50);
        }
    }

    private static void assertProblem(RawHttp.Reply reply, int status, String slug) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"type\":\"urn:qhzgh:study:problem:" + slug + "\"")
                .contains("\"status\":" + status);
    }
}
