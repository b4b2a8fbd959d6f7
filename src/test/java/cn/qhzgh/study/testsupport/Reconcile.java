package cn.qhzgh.study.testsupport;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation jobs as tests drive them: start one, then poll it until it has ended. */
public final class Reconcile {

    public static final String PATH = "/api/v1/admin/stats/reconcile";
    private static final long TIMEOUT_MILLIS = 120_000;

    private Reconcile() {
    }

    /** Starts a job (202 with its Location), waits for it and returns the ended job, which must have SUCCEEDED. */
    public static JsonPath run() {
        JsonPath job = await(start());
        assertThat(job.getString("state")).as("the reconciliation job's state").isEqualTo("SUCCEEDED");
        return job;
    }

    /** Starts a job and returns its path, from the Location header. */
    public static String start() {
        ExtractableResponse<Response> started = Api.asProvinceAdmin().post(PATH).then().statusCode(202).extract();
        assertThat(started.jsonPath().getString("state")).isIn("RUNNING", "SUCCEEDED");
        return location(started);
    }

    /** The path the Location header of a 202 names. */
    public static String location(ExtractableResponse<Response> started) {
        String path = URI.create(started.header("Location")).getPath();
        assertThat(path).startsWith(PATH + "/").endsWith(started.jsonPath().getString("id"));
        return path;
    }

    /** Polls the job every 100 ms until it is no longer RUNNING; fails after two minutes. */
    public static JsonPath await(String job) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            JsonPath state = Api.asProvinceAdmin().get(job).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(state.getString("state"))) {
                return state;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the reconciliation job " + job + " still runs after 2 minutes: " + state.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + job, e);
            }
        }
    }
}
