package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignChanged;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.NativeRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the figures true when a campaign starts or stops counting records workers already have: when it is
 * published over documents already read, or a published campaign's audience or materials change. Live writes count
 * only what happens after, so inside the change's transaction the subtrees its audience reached, before and after,
 * are asked to be recounted by the next CHANGED check; after commit that check starts at once, unless configured
 * off or a check already runs (the night's then serves the request).
 */
@ApplicationScoped
class CampaignRecounts {

    /** Fired once a change's requests are written, so that the check starts only after they commit. */
    record Requested(long campaignId, CampaignChanged.Kind kind) {
    }

    private static final Logger LOG = Logger.getLogger(CampaignRecounts.class);
    private static final Set<CampaignChanged.Kind> RECOUNTED = EnumSet.of(CampaignChanged.Kind.PUBLISHED,
            CampaignChanged.Kind.AUDIENCE, CampaignChanged.Kind.MATERIALS);

    private final EntityManager entityManager;
    private final ReconcileJobs jobs;
    private final Event<Requested> requested;
    private final boolean startAtOnce;

    CampaignRecounts(EntityManager entityManager, ReconcileJobs jobs, Event<Requested> requested, StatsConfig config) {
        this.entityManager = entityManager;
        this.jobs = jobs;
        this.requested = requested;
        this.startAtOnce = config.check().afterCampaignChange();
    }

    void request(@Observes CampaignChanged change) {
        long campaign = change.campaignId();
        if (!RECOUNTED.contains(change.kind()) || !published(campaign)) {
            return;
        }
        // A campaign published over documents nobody has read yet has nothing to recount: live writes count it all.
        if (change.kind() == CampaignChanged.Kind.PUBLISHED && !anyReading(campaign)) {
            return;
        }
        Set<Long> subtrees = new TreeSet<>(audience(campaign));
        subtrees.addAll(change.audienceBefore());
        Timestamp now = Timestamp.from(DbClock.now());
        for (long org : subtrees) {
            entityManager.createNativeQuery("""
                            INSERT INTO stats_recount_request (org_id, requested_at) VALUES (?1, ?2)
                            ON DUPLICATE KEY UPDATE requested_at = VALUES(requested_at)""")
                    .setParameter(1, org).setParameter(2, now).executeUpdate();
        }
        requested.fire(new Requested(campaign, change.kind()));
    }

    void startCheck(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested request) {
        if (!startAtOnce) {
            return;
        }
        String reason = "campaign " + request.campaignId() + " " + request.kind().name().toLowerCase(Locale.ROOT);
        try {
            if (jobs.startChanged(reason).isEmpty()) {
                LOG.infof("A check already runs; the night's check recounts for %s", reason);
            }
        } catch (RuntimeException e) {
            // The change has committed and its requests wait for the night's check; only the early start is lost.
            LOG.errorf(e, "Could not start the check for %s", reason);
        }
    }

    private boolean published(long campaign) {
        return !entityManager.createNativeQuery("SELECT id FROM campaign WHERE id = ?1 AND status = 'PUBLISHED'")
                .setParameter(1, campaign).getResultList().isEmpty();
    }

    private boolean anyReading(long campaign) {
        return !entityManager.createNativeQuery("""
                        SELECT c.org_id FROM org_module_count c JOIN study_module m ON m.id = c.module_id
                        JOIN campaign_material cm ON cm.notice_id = m.notice_id
                        WHERE cm.campaign_id = ?1 AND c.started > 0""")
                .setParameter(1, campaign).setMaxResults(1).getResultList().isEmpty();
    }

    private List<Long> audience(long campaign) {
        return NativeRows.list(entityManager.createNativeQuery(
                "SELECT org_id FROM campaign_audience WHERE campaign_id = ?1").setParameter(1, campaign), r -> r.longAt(0));
    }
}
