package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Twelve downloads whose clients never read hold their exports open; everything else must still be served. The
 * pool is smaller than twelve here (as a production pod's 16 is smaller than its worker threads), so without a cap
 * the stalled exports take every connection and ordinary requests time out into 503s.
 */
@QuarkusTest
@TestProfile(ExportConcurrencyTest.SmallPool.class)
class ExportConcurrencyTest {

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "8",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    private static final String UNION = "QH-EX-G1";
    private static final int WORKERS = 40_000;
    private static final int SLOW_DOWNLOADS = 12;
    private static final String EXPORT = "/api/v1/stats/orgs/" + UNION + "/export?format=csv&sheet=workers";

    private static void union() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(UNION + ",【测试】导出并发基层工会,GRASSROOTS,QH\n");
        StringBuilder csv = new StringBuilder("external_id,name,org_code,phone\n");
        for (int i = 0; i < WORKERS; i++) {
            csv.append("ex-w-").append(i).append(",导出测试职工").append(i).append(',').append(UNION).append(",\n");
        }
        Api.upload("/api/v1/admin/workers/import", "ex.csv", csv.toString().getBytes(StandardCharsets.UTF_8), false)
                .statusCode(200).body("created", equalTo(WORKERS));
    }

    /** Sends the export request from a socket with a tiny receive window, reads only the status line, then stalls. */
    private static Socket stalledDownload(List<Integer> statuses) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("localhost", RestAssured.port));
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + EXPORT + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/csv\r\nAuthorization: Bearer "
                + TestTokens.provinceAdmin() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        statuses.add(statusOf(socket.getInputStream()));
        return socket;
    }

    private static int statusOf(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
            line.append((char) c);
        }
        return Integer.parseInt(line.toString().split(" ")[1]);
    }

    private static long finishedExports() {
        return Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.export' AND target = ?",
                "org:" + UNION);
    }

    @Test
    void twelveStalledDownloadsLeaveOrdinaryRequestsServed() throws Exception {
        union();
        String worker = TestTokens.worker("ex-w-1", UNION);
        List<Integer> statuses = new ArrayList<>();
        List<Socket> downloads = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_DOWNLOADS; i++) {
                downloads.add(stalledDownload(statuses));
            }
            Thread.sleep(1000);
            for (int i = 0; i < 3; i++) {
                Api.as(worker).get("/api/v1/me").then().statusCode(200);
                Api.asProvinceAdmin().get("/api/v1/stats/orgs/" + UNION + "/summary").then().statusCode(200)
                        .body("figures.workers", equalTo(WORKERS));
            }
            assertThat(finishedExports()).as("the started exports are stalled on their clients, not finished").isZero();
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(SLOW_DOWNLOADS - 2);
            Api.asProvinceAdmin().get(EXPORT).then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", "30")
                    .body("type", equalTo("urn:qhzgh:study:problem:rate-limited"));
        } finally {
            for (Socket download : downloads) {
                download.close();
            }
        }
        awaitFinishedExports(2);
        assertThat(Database.longs("SELECT rows_read FROM audit_entry WHERE action = 'stats.export' AND target = ?",
                "org:" + UNION)).allSatisfy(rows -> assertThat(rows).isLessThan(WORKERS));
        assertThat(Database.string("SELECT MIN(detail) FROM audit_entry WHERE action = 'stats.export' AND target = ?",
                "org:" + UNION)).isEqualTo("sheet workers, csv, broken off");
        Api.asProvinceAdmin().get(EXPORT).then().statusCode(200).header("Content-Disposition", notNullValue());
    }

    /** The stalled writers notice the closed sockets, free their permits and audit what they sent. */
    private static void awaitFinishedExports(int expected) throws InterruptedException {
        for (int i = 0; i < 300 && finishedExports() < expected; i++) {
            Thread.sleep(100);
        }
        assertThat(finishedExports()).isEqualTo(expected);
    }
}
