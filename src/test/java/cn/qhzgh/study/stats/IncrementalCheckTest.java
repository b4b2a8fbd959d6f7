package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import cn.qhzgh.study.testsupport.Reconcile;
import cn.qhzgh.study.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly check reads only the unions whose counters live writes changed since the last verified check (the
 * test profile's margin is 0): a counter corrupted behind the service's back in an unchanged union waits for the
 * full check, one in a union with a live write since is repaired.
 */
@QuarkusTest
class IncrementalCheckTest {

    private static final String QUIET_UNION = "QH-IC-G1";
    private static final String BUSY_UNION = "QH-IC-G2";

    private static long union(String code) {
        return Database.count("SELECT id FROM organization WHERE code = ?", code);
    }

    private static long storedWorkers(String code) {
        return Database.count("SELECT workers FROM org_worker_count WHERE org_id = ?", union(code));
    }

    private static long workers(String code) {
        return Database.count("SELECT COUNT(*) FROM worker WHERE org_id = ?", union(code));
    }

    @Test
    void theNightlyCheckRepairsOnlyUnionsChangedSinceTheLastVerifiedCheck() {
        Fixtures.skeleton();
        // The records call below needs the founding campaign, which the notice's import creates.
        Fixtures.notice();
        Fixtures.orgs(QUIET_UNION + ",【测试】增量对账甲,GRASSROOTS,QH\n" + BUSY_UNION + ",【测试】增量对账乙,GRASSROOTS,QH\n");
        Api.upload("/api/v1/admin/workers/import", "ic.csv", ("external_id,name,org_code,phone\nic-w1,一," + QUIET_UNION
                + ",\nic-w2,二," + BUSY_UNION + ",\n").getBytes(StandardCharsets.UTF_8), false).statusCode(200);
        assertThat(Reconcile.run().getString("kind")).isEqualTo("FULL");
        String markBefore = Database.string("SELECT CAST(verified_at AS CHAR) FROM stats_check_mark");
        assertThat(markBefore).isNotNull();

        Database.execute("UPDATE org_worker_count SET workers = workers + 3 WHERE org_id = ?", union(QUIET_UNION));
        Database.execute("UPDATE org_worker_count SET workers = workers + 4 WHERE org_id = ?", union(BUSY_UNION));
        // A first call: a live write of the busy union after the mark.
        Api.as(TestTokens.worker("ic-w3", BUSY_UNION)).get("/api/v1/me/records").then().statusCode(200);

        JsonPath changed = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(changed.getString("kind")).isEqualTo("CHANGED");
        assertThat(changed.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(changed.getLong("rowsEstimated")).as("unions changed since the mark").isEqualTo(1);
        assertThat(changed.getLong("tables.find { it.table == 'org_worker_count' }.driftedRows")).isEqualTo(1);
        assertThat(changed.getLong("tables.find { it.table == 'worker_campaign' }.driftedRows"))
                .as("the changed unions' workers' own rows are checked too").isZero();
        assertThat(storedWorkers(BUSY_UNION)).isEqualTo(workers(BUSY_UNION)).isEqualTo(2);
        assertThat(storedWorkers(QUIET_UNION)).as("not changed since the mark: left to the full check")
                .isEqualTo(workers(QUIET_UNION) + 3);
        assertThat(Database.string("SELECT CAST(verified_at AS CHAR) FROM stats_check_mark")).isGreaterThan(markBefore);

        JsonPath nothingChanged = NightlyCheck.run(CheckPlan.Kind.CHANGED);
        assertThat(nothingChanged.getLong("rowsEstimated")).isZero();
        assertThat(nothingChanged.getLong("totalDrift")).isZero();

        JsonPath full = NightlyCheck.run(CheckPlan.Kind.FULL);
        assertThat(full.getLong("tables.find { it.table == 'org_worker_count' }.driftedRows")).isEqualTo(1);
        assertThat(storedWorkers(QUIET_UNION)).isEqualTo(workers(QUIET_UNION));
    }
}
