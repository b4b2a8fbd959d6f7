package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.Campaign;
import cn.qhzgh.study.campaign.CampaignChanged;
import cn.qhzgh.study.campaign.CampaignQueries;
import cn.qhzgh.study.campaign.CampaignStatus;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.org.OrgPathsChanged;
import cn.qhzgh.study.org.WorkersChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the figures true when records start or stop counting somewhere without a live write: a campaign published
 * over documents already read, a published campaign's audience or materials changed, unions moved under another
 * parent, workers moved to another union. Live writes count only what happens after, so inside the change's
 * transaction the subtrees concerned are asked to be recounted by the next CHANGED check (workers' unions need no
 * asking: their worker counts changed). After commit that check starts at once, unless configured off or a check
 * already runs (the night's then serves the request).
 */
@ApplicationScoped
class StructuralRecounts {

    /** Fired once a change's requests are written, so that the check starts only after they commit. */
    record Requested(String reason) {
    }

    private static final Logger LOG = Logger.getLogger(StructuralRecounts.class);
    private static final Set<CampaignChanged.Kind> RECOUNTED = EnumSet.of(CampaignChanged.Kind.PUBLISHED,
            CampaignChanged.Kind.AUDIENCE, CampaignChanged.Kind.MATERIALS);

    private final EntityManager entityManager;
    private final CampaignQueries campaigns;
    private final ReconcileJobs jobs;
    private final Event<Requested> requested;
    private final boolean startAtOnce;

    StructuralRecounts(EntityManager entityManager, CampaignQueries campaigns, ReconcileJobs jobs,
                       Event<Requested> requested, StatsConfig config) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.requested = requested;
        this.startAtOnce = config.check().recountAtOnce();
    }

    void campaignChanged(@Observes CampaignChanged change) {
        long campaign = change.campaignId();
        if (!RECOUNTED.contains(change.kind())
                || Campaign.<Campaign>findById(campaign).status != CampaignStatus.PUBLISHED) {
            return;
        }
        // A campaign published over documents nobody has read yet has nothing to recount: live writes count it all.
        if (change.kind() == CampaignChanged.Kind.PUBLISHED && !anyReading(campaign)) {
            return;
        }
        Set<Long> subtrees = new TreeSet<>(campaigns.audienceIds(campaign));
        subtrees.addAll(change.audienceBefore());
        request(subtrees);
        requested.fire(new Requested("campaign " + campaign + " " + change.kind().name().toLowerCase(Locale.ROOT)));
    }

    /**
     * A moved union's campaigns may reach it no more, or newly: its rows are recounted from its workers. The event
     * lists every org below a moved one too; asking for the topmost is enough, as a request covers its subtree.
     */
    void unionsMoved(@Observes OrgPathsChanged moved) {
        if (moved.changes().isEmpty()) {
            return;
        }
        List<String> topmost = new ArrayList<>();
        List<Long> subtrees = new ArrayList<>();
        moved.changes().stream().sorted(Comparator.comparing(OrgPathsChanged.PathChange::newPath)).forEach(change -> {
            if (topmost.stream().noneMatch(change.newPath()::startsWith)) {
                topmost.add(change.newPath());
                subtrees.add(change.orgId());
            }
        });
        request(subtrees);
        requested.fire(new Requested(moved.changes().size() + " union(s) moved"));
    }

    void workersMoved(@Observes WorkersChanged changed) {
        if (changed.moved()) {
            requested.fire(new Requested("workers moved between " + changed.orgIds().size() + " union(s)"));
        }
    }

    void startCheck(@Observes(during = TransactionPhase.AFTER_SUCCESS) Requested request) {
        if (!startAtOnce) {
            return;
        }
        try {
            if (jobs.startChanged(request.reason()).isEmpty()) {
                LOG.infof("A check already runs; the night's check recounts for %s", request.reason());
            }
        } catch (RuntimeException e) {
            // The change has committed and its requests wait for the night's check; only the early start is lost.
            LOG.errorf(e, "Could not start the check for %s", request.reason());
        }
    }

    private void request(Collection<Long> subtrees) {
        Timestamp now = Timestamp.from(DbClock.now());
        for (long org : new TreeSet<>(subtrees)) {
            entityManager.createNativeQuery("""
                            INSERT INTO stats_recount_request (org_id, requested_at) VALUES (?1, ?2)
                            ON DUPLICATE KEY UPDATE requested_at = VALUES(requested_at)""")
                    .setParameter(1, org).setParameter(2, now).executeUpdate();
        }
    }

    private boolean anyReading(long campaign) {
        return !entityManager.createNativeQuery("""
                        SELECT c.org_id FROM org_module_count c JOIN study_module m ON m.id = c.module_id
                        JOIN campaign_material cm ON cm.notice_id = m.notice_id
                        WHERE cm.campaign_id = ?1 AND c.started > 0""")
                .setParameter(1, campaign).setMaxResults(1).getResultList().isEmpty();
    }
}
