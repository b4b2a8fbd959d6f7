package cn.qhzgh.study.stats;

import cn.qhzgh.study.testsupport.Api;
import cn.qhzgh.study.testsupport.Campaign;
import cn.qhzgh.study.testsupport.Database;
import cn.qhzgh.study.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker_campaign row the snapshot of a reconciliation found missing, but that a live write created before the
 * repair got to it, holds only what came after the snapshot: the repair merges it with the sources' row instead of
 * leaving it without the worker's history (seen at a million workers when counters were rebuilt under writes).
 */
@QuarkusTest
class MissingCampaignRowTest {

    private static final String UNION = "QH-MCR-G1";
    private static final LocalDateTime SNAPSHOT = LocalDateTime.of(2026, 11, 20, 8, 0);

    @Inject
    WorkerCampaignReconciler reconciler;

    @Test
    void aRowALiveWriteCreatedAfterTheSnapshotIsMergedWithTheSourcesRow() {
        Fixtures.skeleton();
        Fixtures.notice();
        Fixtures.orgs(UNION + ",【测试】缺行合并,GRASSROOTS,QH\n");
        Api.upload("/api/v1/admin/workers/import", "mcr.csv", ("external_id,name,org_code,phone\nmcr-w1,一," + UNION
                + ",\n").getBytes(StandardCharsets.UTF_8), false).statusCode(200);
        long worker = Database.count("SELECT id FROM worker WHERE external_id = 'mcr-w1'");
        long org = Database.count("SELECT id FROM organization WHERE code = ?", UNION);
        long campaign = Campaign.foundingId();
        Database.execute("DELETE FROM worker_campaign WHERE worker_id = ?", worker);
        // What live writes after the snapshot left: 120 s read later, a FINAL of 70 failed.
        Database.execute("INSERT INTO worker_campaign (worker_id, campaign_id, org_id, started_at, last_activity_at, "
                        + "seconds_spent, final_best_score, final_passed, completed_at) VALUES (?, ?, ?, ?, ?, 120, 70, FALSE, NULL)",
                worker, campaign, org, SNAPSHOT.plusHours(2), SNAPSHOT.plusHours(3));

        SliceRecount.CampaignRow sources = new SliceRecount.CampaignRow(worker, campaign, org, SNAPSHOT.minusDays(5),
                SNAPSHOT.minusDays(1), 3_000, 90, true, SNAPSHOT.minusDays(1));
        QuarkusTransaction.requiringNew().run(() -> reconciler.insertMissing(List.of(sources)));

        assertThat(Database.string("SELECT CONCAT_WS('|', CAST(started_at AS CHAR), CAST(last_activity_at AS CHAR), "
                        + "seconds_spent, final_best_score, final_passed, CAST(completed_at AS CHAR)) FROM worker_campaign "
                        + "WHERE worker_id = ? AND campaign_id = ?", worker, campaign))
                .isEqualTo(String.join("|", "2026-11-15 08:00:00.000000", "2026-11-20 11:00:00.000000", "3120", "90", "1",
                        "2026-11-19 08:00:00.000000"));
    }
}
