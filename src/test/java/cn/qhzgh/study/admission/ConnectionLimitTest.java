package cn.qhzgh.study.admission;

import cn.qhzgh.study.testsupport.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pod that takes at most 8 connections: a crowd opening more, silent or not, gets the extra ones closed
 * unanswered, while the connections it holds keep being served, and once they go new ones are served again.
 */
@QuarkusTest
@TestProfile(ConnectionLimitTest.EightConnections.class)
class ConnectionLimitTest {

    public static class EightConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-connections", "8");
        }
    }

    private static final int CAP = 8;
    private static final int CROWD = CAP + 4;
    /** How long an answer may take on a busy CI machine. */
    private static final int ANSWER_MILLIS = 10_000;
    private static final Pattern CURRENT = Pattern.compile(
            "(?m)^vertx_http_connections_current(?:\\{[^}]*})? (\\S+)$");
    private static final Pattern REJECTED = Pattern.compile(
            "(?m)^vertx_http_connections_rejected_total(?:\\{[^}]*})? (\\S+)$");

    @Test
    void pastTheCapNewConnectionsAreClosedAndTheHeldOnesStillServe() throws Exception {
        double rejectedBefore = rejected();
        List<Socket> crowd = new ArrayList<>();
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CROWD; i++) {
                crowd.add(new Socket("localhost", RestAssured.port));
            }
            awaitConnections(CAP);
            try (Socket late = new Socket("localhost", RestAssured.port)) {
                assertThat(served(late)).as("a request on a connection past silent ones that fill the cap").isFalse();
            }
            for (Socket socket : crowd) {
                if (served(socket)) {
                    held.add(socket);
                }
            }
            assertThat(held).as("connections the pod kept").isNotEmpty().hasSizeLessThanOrEqualTo(CAP);
            assertThat(CROWD - held.size()).as("connections closed unanswered").isGreaterThanOrEqualTo(CROWD - CAP);
            for (Socket socket : held) {
                assertThat(served(socket)).as("a kept connection, after the crowd was turned away").isTrue();
            }
            assertThat(rejected() - rejectedBefore).as("vertx_http_connections_rejected_total")
                    .isGreaterThanOrEqualTo(CROWD - CAP + 1);
        } finally {
            for (Socket socket : crowd) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        boolean servedAgain = false;
        while (!servedAgain && System.nanoTime() < deadline) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                servedAgain = served(socket);
            }
        }
        assertThat(servedAgain).as("a connection after the crowd left").isTrue();
    }

    /**
     * Sends a liveness probe on this connection and reads the whole answer: true for a 200 that leaves the
     * connection open, false when the pod closed it without an answer.
     */
    private static boolean served(Socket socket) throws IOException {
        socket.setSoTimeout(ANSWER_MILLIS);
        try {
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String status = line(in);
            if (status.isEmpty()) {
                return false;
            }
            assertThat(status).startsWith("HTTP/1.1 200");
            long length = -1;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(header.substring(15).trim());
                }
            }
            assertThat(length).as("Content-Length of the probe's answer").isNotNegative();
            assertThat(in.readNBytes((int) length)).hasSize((int) length);
            return true;
        } catch (SocketException reset) {
            return false;
        }
    }

    /** One header line without its CRLF; empty at the end of the headers or of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The pod counts a connection on an I/O thread after accepting it, so the crowd is counted a moment later. */
    private static void awaitConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        double seen = metric(CURRENT);
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = metric(CURRENT);
        }
        assertThat(seen).as("vertx_http_connections_current").isEqualTo(expected);
    }

    private static double rejected() {
        return metric(REJECTED);
    }

    private static double metric(Pattern line) {
        Matcher m = line.matcher(Management.given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
