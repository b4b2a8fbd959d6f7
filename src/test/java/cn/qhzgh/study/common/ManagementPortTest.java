package cn.qhzgh.study.common;

import cn.qhzgh.study.testsupport.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** Metrics live on the management port only; the probes keep using health on the public port. */
@QuarkusTest
class ManagementPortTest {

    @Test
    void metricsAreNotServedOnThePublicPort() {
        RestAssured.given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metricsAreServedOnTheManagementPort() {
        assertThat(Management.port()).isNotEqualTo(RestAssured.port);
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes")).body(containsString("agroal_"));
    }

    @Test
    void healthStaysOnThePublicPortWhereTheProbesLook() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/health/started").then().statusCode(200);
    }
}
