package cn.qhzgh.study.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests to the management interface, which tests start on a free port (quarkus.management.test-port=0). */
public final class Management {

    private Management() {
    }

    /** The port the management interface really listens on; Quarkus writes it back once it has bound. */
    public static int port() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        if (port == 0) {
            throw new IllegalStateException("the management interface has not reported its port");
        }
        return port;
    }

    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The value of a metric's first series in the Prometheus text, if the pod reports it. */
    public static OptionalDouble metric(String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** Waits up to 10 s for a metric the pod updates on its own threads to read {@code expected}, and checks it does. */
    public static void awaitMetric(String name, double expected) throws InterruptedException {
        OptionalDouble seen = metric(name);
        for (int i = 0; i < 200 && !seen.equals(OptionalDouble.of(expected)); i++) {
            Thread.sleep(50);
            seen = metric(name);
        }
        assertThat(seen).as(name).hasValue(expected);
    }
}
