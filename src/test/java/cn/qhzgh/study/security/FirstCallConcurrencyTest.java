package cn.qhzgh.study.security;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First calls of new workers racing each other, in this pod and against another instance's transaction on the
 * same database: every call succeeds, each worker gets one row, and the union's worker count rises once per worker.
 * Each racing call carries its own display name, as a worker's phone app and mini-program do, so no per-pod cache
 * entry can serialise them: only the database decides who provisions.
 */
@QuarkusTest
class FirstCallConcurrencyTest {

    private static final String ME = "/api/v1/me";
    private static final String UNION = "T-RACE-G1";

    @BeforeEach
    void union() {
        Fixtures.skeleton();
        Fixtures.orgs(UNION + ",【测试】首次调用并发测试基层工会,GRASSROOTS,QH-XN-CD\n");
    }

    @Test
    void twentySimultaneousFirstCallsOfOneNewWorkerAllSucceed() throws Exception {
        long before = countedWorkers();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(TestTokens.claims("race-solo", "worker", UNION).claim("name", "设备" + i).sign());
        }
        assertThat(fireTogether(tokens)).containsOnly(200);
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id = 'race-solo'")).isEqualTo(1);
        assertThat(countedWorkers()).isEqualTo(before + 1).isEqualTo(workerRows());
    }

    @Test
    void simultaneousFirstCallsOfSeveralNewWorkersOfOneUnionAllSucceed() throws Exception {
        long before = countedWorkers();
        List<String> tokens = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            for (int worker = 0; worker < 6; worker++) {
                tokens.add(TestTokens.claims("race-crowd-" + worker, "worker", UNION).claim("name", "设备" + call).sign());
            }
        }
        assertThat(fireTogether(tokens)).containsOnly(200);
        assertThat(Database.longs("SELECT COUNT(*) FROM worker WHERE external_id LIKE 'race-crowd-%' "
                + "GROUP BY external_id")).hasSize(6).containsOnly(1L);
        assertThat(countedWorkers()).isEqualTo(before + 6).isEqualTo(workerRows());
    }

    /** The other instance inserts the same worker first and commits only after this pod's first call met its row. */
    @Test
    void firstCallThatMeetsAnotherInstancesProvisioningSucceedsAndCountsOnce() throws Exception {
        long before = countedWorkers();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection otherInstance = Database.begin()) {
            provisionAsAnotherInstance(otherInstance, "race-twin");
            String token = TestTokens.worker("race-twin", UNION);
            Future<Integer> call = pool.submit(() -> Api.as(token).get(ME).statusCode());
            awaitLockWait(call);
            otherInstance.commit();
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Database.count("SELECT COUNT(*) FROM worker WHERE external_id = 'race-twin'")).isEqualTo(1);
        assertThat(countedWorkers()).isEqualTo(before + 1).isEqualTo(workerRows());
    }

    /** What a first call on another instance writes: the worker row and its union's count, in one transaction. */
    private static void provisionAsAnotherInstance(Connection connection, String externalId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO worker (external_id, name, org_id, phone, source, created_at, updated_at)
                SELECT ?, ?, id, NULL, 'TOKEN', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM organization WHERE code = ?""");
             PreparedStatement count = connection.prepareStatement("""
                     INSERT INTO org_worker_count (org_id, workers) SELECT id, 1 FROM organization WHERE code = ?
                     ON DUPLICATE KEY UPDATE workers = workers + 1""")) {
            insert.setString(1, externalId);
            insert.setString(2, externalId);
            insert.setString(3, UNION);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            count.setString(1, UNION);
            count.executeUpdate();
        }
    }

    /** Until this pod's insert of the worker is blocked on the other instance's uncommitted row. */
    private static void awaitLockWait(Future<Integer> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Database.count("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                + "WHERE INFO LIKE 'INSERT%INTO worker %' AND ID <> CONNECTION_ID()") == 0) {
            assertThat(call.isDone() ? call.get() : null).as("status of a first call that never met the other row")
                    .isNull();
            assertThat(System.nanoTime()).as("the first call never waited on the other instance's row").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Sends one GET per token, all released at the same instant, and returns the statuses. */
    private static List<Integer> fireTogether(List<String> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch ready = new CountDownLatch(tokens.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (String token : tokens) {
                calls.add(pool.submit(() -> {
                    var request = Api.as(token);
                    ready.countDown();
                    go.await();
                    return request.get(ME).statusCode();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long countedWorkers() {
        return Database.count("SELECT COALESCE(SUM(c.workers), 0) FROM org_worker_count c "
                + "JOIN organization o ON o.id = c.org_id WHERE o.code = ?", UNION);
    }

    private static long workerRows() {
        return Database.count("SELECT COUNT(*) FROM worker w JOIN organization o ON o.id = w.org_id WHERE o.code = ?",
                UNION);
    }
}
