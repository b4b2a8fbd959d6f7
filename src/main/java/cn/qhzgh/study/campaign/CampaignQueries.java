package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.common.PageResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of campaigns with their audience and materials, a few queries per page rather than per campaign. */
@ApplicationScoped
public class CampaignQueries {

    /** An audience union overlaps a subtree when either contains the other. */
    private static final String OVERLAPS = """
            EXISTS (SELECT 1 FROM campaign_audience a JOIN organization o ON o.id = a.org_id
                    WHERE a.campaign_id = c.id AND (:scope LIKE CONCAT(o.path, '%') OR o.path LIKE CONCAT(:scope, '%')))""";

    private final EntityManager entityManager;

    public CampaignQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Newest first; {@code scope} is an org admin's path, or null for the whole tree. */
    public PageResult<CampaignView> page(String scope, CampaignStatus status, int page, int size) {
        String where = " WHERE 1 = 1" + (status == null ? "" : " AND c.status = :status")
                + (scope == null ? "" : " AND " + OVERLAPS);
        Query count = entityManager.createNativeQuery("SELECT COUNT(*) FROM campaign c" + where);
        Query ids = entityManager.createNativeQuery("SELECT c.id FROM campaign c" + where
                + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset");
        for (Query query : List.of(count, ids)) {
            if (status != null) {
                query.setParameter("status", status.name());
            }
            if (scope != null) {
                query.setParameter("scope", scope);
            }
        }
        long total = ((Number) count.getSingleResult()).longValue();
        List<Long> pageIds = NativeRows.list(ids.setParameter("limit", size).setParameter("offset", (long) page * size),
                r -> r.longAt(0));
        List<Campaign> campaigns = pageIds.isEmpty() ? List.of()
                : Campaign.<Campaign>list("id in ?1 order by id desc", pageIds);
        return new PageResult<>(views(campaigns), total, page, size);
    }

    public CampaignView view(Campaign campaign) {
        return views(List.of(campaign)).get(0);
    }

    public boolean audienceOverlaps(long id, String scope) {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM campaign c WHERE c.id = :id AND "
                        + OVERLAPS).setParameter("id", id).setParameter("scope", scope).getSingleResult())
                .longValue() > 0;
    }

    public List<Long> materialIds(long id) {
        return NativeRows.list(entityManager.createNativeQuery(
                        "SELECT notice_id FROM campaign_material WHERE campaign_id = ?1 ORDER BY position")
                .setParameter(1, id), r -> r.longAt(0));
    }

    public List<Long> audienceIds(long id) {
        return NativeRows.list(entityManager.createNativeQuery(
                "SELECT org_id FROM campaign_audience WHERE campaign_id = ?1").setParameter(1, id), r -> r.longAt(0));
    }

    /** Published modules across the campaign's materials. */
    public long publishedModuleCount(long id) {
        return ((Number) entityManager.createNativeQuery("""
                        SELECT COUNT(*) FROM study_module m JOIN campaign_material cm ON cm.notice_id = m.notice_id
                        WHERE cm.campaign_id = ?1 AND m.published = TRUE""").setParameter(1, id).getSingleResult())
                .longValue();
    }

    /** The published campaigns studying {@code noticeId} whose only published module is {@code moduleId}. */
    public List<Long> publishedCampaignsOnlyWith(long moduleId, long noticeId) {
        return NativeRows.list(entityManager.createNativeQuery("""
                        SELECT c.id FROM campaign c JOIN campaign_material cm ON cm.campaign_id = c.id
                        WHERE c.status = 'PUBLISHED' AND cm.notice_id = ?1 AND NOT EXISTS (
                            SELECT 1 FROM study_module m JOIN campaign_material other ON other.notice_id = m.notice_id
                            WHERE other.campaign_id = c.id AND m.published = TRUE AND m.id <> ?2)
                        ORDER BY c.id""").setParameter(1, noticeId).setParameter(2, moduleId),
                row -> row.longAt(0));
    }

    /** Each campaign's materials in study order. */
    public Map<Long, List<CampaignMaterial>> materials(Collection<Long> campaignIds) {
        Map<Long, List<CampaignMaterial>> byCampaign = new HashMap<>();
        if (campaignIds.isEmpty()) {
            return byCampaign;
        }
        NativeRows.list(entityManager.createNativeQuery("""
                                SELECT cm.campaign_id, n.id, n.doc_number, n.title,
                                       (SELECT COUNT(*) FROM study_module m WHERE m.notice_id = n.id AND m.published = TRUE)
                                FROM campaign_material cm JOIN notice n ON n.id = cm.notice_id
                                WHERE cm.campaign_id IN (:ids) ORDER BY cm.campaign_id, cm.position""")
                        .setParameter("ids", campaignIds),
                r -> Map.entry(r.longAt(0), new CampaignMaterial(r.longAt(1), r.stringAt(2), r.stringAt(3), r.intAt(4))))
                .forEach(e -> byCampaign.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byCampaign;
    }

    private List<CampaignView> views(List<Campaign> campaigns) {
        if (campaigns.isEmpty()) {
            return List.of();
        }
        List<Long> ids = campaigns.stream().map(c -> c.id).toList();
        Map<Long, List<AudienceOrg>> audience = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                                SELECT a.campaign_id, o.code, o.name FROM campaign_audience a
                                JOIN organization o ON o.id = a.org_id WHERE a.campaign_id IN (:ids)
                                ORDER BY a.campaign_id, o.path""").setParameter("ids", ids),
                r -> Map.entry(r.longAt(0), new AudienceOrg(r.stringAt(1), r.stringAt(2))))
                .forEach(e -> audience.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Long>> optional = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                                SELECT campaign_id, module_id FROM campaign_optional_module WHERE campaign_id IN (:ids)
                                ORDER BY campaign_id, module_id""").setParameter("ids", ids),
                r -> Map.entry(r.longAt(0), r.longAt(1)))
                .forEach(e -> optional.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<CampaignMaterial>> materials = materials(ids);
        return campaigns.stream().map(c -> new CampaignView(c.id, c.title, c.description, c.status, c.opensAt,
                c.closesAt, c.finalPassScore, audience.getOrDefault(c.id, List.of()),
                materials.getOrDefault(c.id, List.of()), optional.getOrDefault(c.id, List.of()), c.revision,
                c.publishedAt, c.createdAt, c.createdBy, c.updatedAt)).toList();
    }
}
