package cn.qhzgh.study.admission;

import cn.qhzgh.study.testsupport.Management;
import cn.qhzgh.study.testsupport.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            return Map.of("quarkus.http.limits.max-connections", String.valueOf(CAP));
        }
    }

    private static final int CAP = 8;
    private static final int CROWD = CAP + 4;

    @Test
    void pastTheCapNewConnectionsAreClosedAndTheHeldOnesStillServe() throws Exception {
        double rejectedBefore = rejected();
        List<Socket> crowd = new ArrayList<>();
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CROWD; i++) {
                crowd.add(new Socket("localhost", RestAssured.port));
            }
            // the pod counts a connection on an I/O thread after accepting it, so the crowd is counted a moment later
            Management.awaitMetric("vertx_http_connections_current", CAP);
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

    /** A liveness probe on this connection: true for a 200, false when the pod closed it without an answer. */
    private static boolean served(Socket socket) throws IOException {
        Optional<RawHttp.Reply> reply = RawHttp.get(socket, "/q/health/live");
        reply.ifPresent(answer -> assertThat(answer.status()).isEqualTo(200));
        return reply.isPresent();
    }

    private static double rejected() {
        return Management.metric("vertx_http_connections_rejected_total").orElse(0);
    }
}
