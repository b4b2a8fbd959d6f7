package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.MariaDbTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Readiness follows the database: DOWN while it is gone (API calls get 503), UP again by itself once it is back. */
@QuarkusTest
class ReadinessRecoveryTest {

    private static int readiness() {
        return RestAssured.given().get("/q/health/ready").statusCode();
    }

    private static boolean waitFor(int status, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (readiness() == status) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBack() throws Exception {
        Assumptions.assumeTrue(MariaDbTestResource.canRestart(), "needs the suite's own MariaDB, not TEST_DB_URL");
        Fixtures.skeleton();
        assertThat(readiness()).isEqualTo(200);
        MariaDbTestResource.stopServer();
        try {
            assertThat(waitFor(503, Duration.ofSeconds(30))).as("readiness DOWN without the database").isTrue();
            RestAssured.given().get("/q/health/live").then().statusCode(200);
            Api.asProvinceAdmin().get("/api/v1/orgs/QH").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "2")
                    .body("title", equalTo("Service Unavailable"));
        } finally {
            MariaDbTestResource.startServer();
        }
        assertThat(waitFor(200, Duration.ofSeconds(60))).as("readiness UP again by itself").isTrue();
        Api.asProvinceAdmin().get("/api/v1/orgs/QH").then().statusCode(200);
    }
}
