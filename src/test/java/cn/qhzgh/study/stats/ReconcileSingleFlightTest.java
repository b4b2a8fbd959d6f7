package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignCalendar;
import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.ContractValidation;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Reconciliation jobs: one at a time (409 for the next), followed while they run, going on without their client,
 * and a repair that keeps increments committed while it ran. A test transaction locks one counter row, so a job
 * that must correct it stops right there, after it took its snapshot and before it wrote: the test then commits a
 * live write into exactly that window.
 */
@QuarkusTest
class ReconcileSingleFlightTest {

    private static final String UNION = "QH-RC-G1";
    private static boolean built;

    @BeforeEach
    void union() {
        Fixtures.skeleton();
        synchronized (ReconcileSingleFlightTest.class) {
            if (built) {
                return;
            }
            Fixtures.orgs(UNION + ",【测试】对账基层工会,GRASSROOTS,QH\n");
            Api.upload("/api/v1/admin/workers/import", "rc.csv",
                    "external_id,name,org_code,phone\nrc-w1,一,QH-RC-G1,\nrc-w2,二,QH-RC-G1,\n"
                            .getBytes(StandardCharsets.UTF_8), false).statusCode(200);
            built = true;
        }
    }

    private static long unionId() {
        return Database.count("SELECT id FROM organization WHERE code = ?", UNION);
    }

    private static long storedWorkers() {
        return Database.count("SELECT workers FROM org_worker_count WHERE org_id = ?", unionId());
    }

    /** A transaction of the test's own, outside the service's pool, that holds the union's worker-count row. */
    private static Connection lockWorkerCountRow() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT workers FROM org_worker_count WHERE org_id = ? FOR UPDATE")) {
            lock.setLong(1, unionId());
            lock.executeQuery().close();
        }
        return connection;
    }

    /** Waits until some transaction waits for a row lock: the reconciliation has read and now wants to write. */
    private static void awaitLockWait() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (Database.count("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'") > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the reconciliation never reached the locked counter row");
    }

    /** What a worker's first call does: a new worker row and the union's count + 1, in one transaction. */
    private static void liveNewWorker(Connection connection, String externalId) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        try (PreparedStatement worker = connection.prepareStatement("INSERT INTO worker (external_id, name, org_id, "
                + "phone, source, created_at, updated_at) VALUES (?, '活', ?, NULL, 'TOKEN', ?, ?)");
             PreparedStatement count = connection.prepareStatement(
                     "UPDATE org_worker_count SET workers = workers + 1 WHERE org_id = ?")) {
            worker.setString(1, externalId);
            worker.setLong(2, unionId());
            worker.setTimestamp(3, now);
            worker.setTimestamp(4, now);
            worker.executeUpdate();
            count.setLong(1, unionId());
            count.executeUpdate();
        }
        connection.commit();
    }

    @Test
    void aRepairKeepsAnIncrementCommittedAfterItsSnapshot() throws Exception {
        Reconcile.run();
        Database.execute("UPDATE org_worker_count SET workers = workers + 5 WHERE org_id = ?", unionId());
        String job;
        try (Connection live = lockWorkerCountRow()) {
            job = Reconcile.start();
            awaitLockWait();
            liveNewWorker(live, "rc-live-1");
        }
        JsonPath repaired = Reconcile.await(job);
        assertThat(repaired.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(repaired.getInt("tables.find { it.table == 'org_worker_count' }.driftedRows")).isEqualTo(1);
        assertThat(storedWorkers()).isEqualTo(Database.count("SELECT COUNT(*) FROM worker WHERE org_id = ?", unionId()))
                .isEqualTo(3);
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }

    @Test
    void aRunningJobShowsWhereItIsAndASecondStartGets409() throws Exception {
        Reconcile.run();
        Database.execute("UPDATE org_worker_count SET workers = workers + 1 WHERE org_id = ?", unionId());
        String first;
        try (Connection live = lockWorkerCountRow()) {
            first = Reconcile.start();
            awaitLockWait();
            JsonPath running = Api.asProvinceAdmin().get(first).then().statusCode(200).extract().jsonPath();
            assertThat(running.getString("state")).isEqualTo("RUNNING");
            assertThat(running.getString("phase")).isEqualTo("counters");
            assertThat(running.getLong("rowsEstimated")).isPositive();
            assertThat(running.getLong("rowsDone")).isBetween(0L, running.getLong("rowsEstimated") - 1);
            assertThat(running.getString("finishedAt")).isNull();
            ExtractableResponse<Response> second = Api.asProvinceAdmin().post(Reconcile.PATH).then().extract();
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.jsonPath().getString("type")).isEqualTo("urn:qhzgh:study:problem:reconcile-running");
            live.rollback();
        }
        JsonPath ended = Reconcile.await(first);
        assertThat(ended.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(ended.getLong("totalDrift")).isEqualTo(1);
        assertThat(ended.getString("finishedAt")).isNotNull();
        assertThat(Database.string("SELECT holder FROM job_lease WHERE job = 'stats-reconcile'")).isNull();
        assertThat(Reconcile.run().getLong("totalDrift")).isZero();
    }

    @Test
    void theJobGoesOnWhenItsClientHangsUp() throws Exception {
        Reconcile.run();
        Database.execute("UPDATE org_worker_count SET workers = workers + 2 WHERE org_id = ?", unionId());
        long jobsBefore = Database.count("SELECT COUNT(*) FROM stats_reconcile_job");
        try (Connection live = lockWorkerCountRow()) {
            // A plain socket that sends the start and closes without reading the answer: no contract to check.
            URI server = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
            try (Socket client = new Socket(server.getHost(), server.getPort())) {
                client.getOutputStream().write(("POST " + Reconcile.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + TestTokens.provinceAdmin() + "\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            }
            awaitLockWait();
            live.rollback();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM stats_reconcile_job")).isEqualTo(jobsBefore + 1);
        String job = Database.string("SELECT id FROM stats_reconcile_job ORDER BY started_at DESC LIMIT 1");
        JsonPath ended = Reconcile.await(Reconcile.PATH + "/" + job);
        assertThat(ended.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(ended.getLong("totalDrift")).isEqualTo(1);
        assertThat(storedWorkers()).isEqualTo(Database.count("SELECT COUNT(*) FROM worker WHERE org_id = ?", unionId()));
    }

    @Test
    void aStoppedPodsJobReadsFailedTheNextRunClosesItsRowAndAnUnknownJobIs404() {
        Database.execute("""
                INSERT INTO stats_reconcile_job (id, holder, kind, requested_by, state, phase, rows_done, rows_estimated,
                                                 started_at, finished_at, failure)
                VALUES ('rc-crashed-job', 'crashed-pod', 'FULL', 'someone', 'RUNNING', 'counters', 10, 20, ?, NULL, NULL)""",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        Api.asProvinceAdmin().get(Reconcile.PATH + "/rc-crashed-job").then().statusCode(200)
                .body("state", equalTo("FAILED")).body("phase", equalTo("counters"))
                .body("failure", equalTo("the pod running it stopped before it ended"));
        Api.asProvinceAdmin().get(Reconcile.PATH + "/no-such-job").then().statusCode(404)
                .body("type", equalTo("urn:qhzgh:study:problem:reconcile-job-not-found"));

        Reconcile.run();
        assertThat(Database.string("SELECT state FROM stats_reconcile_job WHERE id = 'rc-crashed-job'"))
                .as("the next run closes the stopped run's row").isEqualTo("FAILED");
        assertThat(Database.string("SELECT failure FROM stats_reconcile_job WHERE id = 'rc-crashed-job'"))
                .isEqualTo("the pod running it stopped before it ended");
        assertThat(Database.count("SELECT COUNT(*) FROM stats_reconcile_job WHERE id = 'rc-crashed-job' "
                + "AND finished_at IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void onlyAProvinceAdminStartsOrFollowsAJob() {
        String countyAdmin = TestTokens.orgAdmin("rc-county-admin", "QH-XN");
        Api.as(countyAdmin).post(Reconcile.PATH).then().statusCode(403);
        Api.as(countyAdmin).get(Reconcile.PATH + "/rc-crashed-job").then().statusCode(403);
        Api.as(TestTokens.worker("rc-w1", UNION)).post(Reconcile.PATH).then().statusCode(403);
        RestAssured.given().filter(ContractValidation.requestDeliberatelyBreaksContract("no bearer token"))
                .post(Reconcile.PATH).then().statusCode(401);
    }

    @Test
    void startsAndEndsAreAudited() {
        long before = Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.reconcile' AND actor <> 'system'");
        Reconcile.run();
        assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.reconcile' AND actor <> 'system'"))
                .isEqualTo(before + 2);
    }

    @Test
    void anotherPodsLeaseBlocksUntilItExpires() {
        Database.execute("UPDATE job_lease SET holder = 'crashed-pod', expires_at = ? WHERE job = 'stats-reconcile'",
                Timestamp.from(Instant.now().plus(10, ChronoUnit.MINUTES)));
        Api.asProvinceAdmin().post(Reconcile.PATH).then().statusCode(409)
                .body("type", equalTo("urn:qhzgh:study:problem:reconcile-running"));
        Database.execute("UPDATE job_lease SET expires_at = ? WHERE job = 'stats-reconcile'",
                Timestamp.from(Instant.now().minus(1, ChronoUnit.MINUTES)));
        Reconcile.run();
        assertThat(Database.string("SELECT holder FROM job_lease WHERE job = 'stats-reconcile'")).isNull();
    }

    @Test
    void theNightlyRunSkipsWhileAManualRunHoldsTheLease() {
        Database.execute("DELETE FROM scheduled_run WHERE job = 'stats-reconcile' AND run_date = ?",
                java.sql.Date.valueOf(LocalDate.now(CampaignCalendar.ZONE)));
        Database.execute("UPDATE job_lease SET holder = 'manual-run', expires_at = ? WHERE job = 'stats-reconcile'",
                Timestamp.from(Instant.now().plus(10, ChronoUnit.MINUTES)));
        long nightlyBefore = Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.reconcile' "
                + "AND actor = 'system'");
        try {
            Arc.container().instance(NightlyReconciliation.class).get().run();
            assertThat(Database.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'stats.reconcile' "
                    + "AND actor = 'system'")).isEqualTo(nightlyBefore);
            assertThat(Database.string("SELECT holder FROM job_lease WHERE job = 'stats-reconcile'"))
                    .isEqualTo("manual-run");
        } finally {
            Database.execute("UPDATE job_lease SET holder = NULL, expires_at = ? WHERE job = 'stats-reconcile'",
                    Timestamp.from(Instant.parse("1970-01-02T00:00:00Z")));
        }
    }
}
