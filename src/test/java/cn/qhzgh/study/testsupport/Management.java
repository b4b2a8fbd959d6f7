package cn.qhzgh.study.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

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
}
