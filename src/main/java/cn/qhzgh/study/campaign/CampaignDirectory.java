package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.BlockingCache;
import cn.qhzgh.study.common.NativeRows;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every campaign with its materials and audience, read in four queries and kept in the cache "campaign-directory"
 * for {@code study.campaign.directory-ttl}, because each progress write asks which campaigns its notice counts in.
 * Edits on this pod reload at once; other pods see them within the TTL.
 */
@ApplicationScoped
public class CampaignDirectory {

    private static final String EVERY_CAMPAIGN = "all";

    private final EntityManager entityManager;
    private final BlockingCache<String, List<CampaignRef>> directory;

    public CampaignDirectory(EntityManager entityManager, @CacheName("campaign-directory") Cache directory) {
        this.entityManager = entityManager;
        this.directory = new BlockingCache<>(directory);
    }

    /** Published campaigns that study this notice and whose audience reaches a worker of the union at this path. */
    public List<CampaignRef> countingFor(long noticeId, String workerOrgPath) {
        return current().stream().filter(c -> c.status() == CampaignStatus.PUBLISHED && c.studies(noticeId)
                && c.reaches(workerOrgPath)).toList();
    }

    public Optional<CampaignRef> find(long campaignId) {
        return current().stream().filter(c -> c.id() == campaignId).findFirst();
    }

    /** Published and closed campaigns an admin of the union at this path (null for the whole tree) reports on. */
    public List<CampaignRef> reportableTo(String adminOrgPath) {
        return current().stream().filter(c -> c.status() != CampaignStatus.DRAFT
                && (adminOrgPath == null || c.overlaps(adminOrgPath))).sorted(NEWEST_FIRST).toList();
    }

    /** Published campaigns open to a worker of the union at this path, newest first. */
    public List<CampaignRef> openTo(String workerOrgPath) {
        return current().stream().filter(c -> c.status() == CampaignStatus.PUBLISHED && c.reaches(workerOrgPath))
                .sorted(NEWEST_FIRST).toList();
    }

    /**
     * The campaign a worker of the union at this path asks for, if it reaches them and is not a draft; without an id,
     * the newest published one open to them.
     */
    public Optional<CampaignRef> forWorker(String workerOrgPath, Long campaignId) {
        if (campaignId == null) {
            return openTo(workerOrgPath).stream().findFirst();
        }
        return find(campaignId).filter(c -> c.status() != CampaignStatus.DRAFT && c.reaches(workerOrgPath));
    }

    /** The campaign an admin of the union at this path (null for the whole tree) asks for, if they report on it. */
    public Optional<CampaignRef> reportable(String adminOrgPath, long campaignId) {
        return reportableTo(adminOrgPath).stream().filter(c -> c.id() == campaignId).findFirst();
    }

    /** The campaign a call without {@code campaign} means: the most recently published one the caller can see. */
    public Optional<CampaignRef> defaultFor(String orgPath, boolean wholeTree) {
        return current().stream().filter(c -> c.status() == CampaignStatus.PUBLISHED
                        && (wholeTree || c.reaches(orgPath) || c.overlaps(orgPath)))
                .min(NEWEST_FIRST);
    }

    /** An edit committed on this pod: the next question reads the directory again. */
    void afterChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignChanged change) {
        directory.invalidateAll();
    }

    private static final Comparator<CampaignRef> NEWEST_FIRST = Comparator
            .comparing(CampaignRef::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CampaignRef::id, Comparator.reverseOrder());

    private List<CampaignRef> current() {
        return directory.get(EVERY_CAMPAIGN, key -> load());
    }

    private List<CampaignRef> load() {
        Map<Long, List<Long>> notices = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery(
                        "SELECT campaign_id, notice_id FROM campaign_material ORDER BY campaign_id, position, notice_id"),
                r -> Map.entry(r.longAt(0), r.longAt(1)))
                .forEach(e -> notices.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> audience = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT a.campaign_id, o.path FROM campaign_audience a JOIN organization o ON o.id = a.org_id
                        ORDER BY a.campaign_id, o.path"""), r -> Map.entry(r.longAt(0), r.stringAt(1)))
                .forEach(e -> audience.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, Set<Long>> optional = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("SELECT campaign_id, module_id FROM campaign_optional_module"),
                        r -> Map.entry(r.longAt(0), r.longAt(1)))
                .forEach(e -> optional.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        List<CampaignRef> all = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT id, title, status, opens_at, closes_at, published_at, final_pass_score FROM campaign
                        ORDER BY id"""),
                r -> new CampaignRef(r.longAt(0), r.stringAt(1), CampaignStatus.valueOf(r.stringAt(2)),
                        r.instantAt(3), r.instantAt(4), r.instantAt(5), r.intAt(6),
                        notices.getOrDefault(r.longAt(0), List.of()), audience.getOrDefault(r.longAt(0), List.of()),
                        optional.getOrDefault(r.longAt(0), Set.of())));
        return all;
    }
}
