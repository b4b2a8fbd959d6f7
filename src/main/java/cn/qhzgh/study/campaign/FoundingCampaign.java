package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.content.NoticeImported;
import cn.qhzgh.study.security.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/**
 * The campaign the service was founded for. Importing the notice named by {@code study.campaign.doc-number} into a
 * service where no campaign studies it yet publishes 学习宣传贯彻党的二十大精神 for the whole tree, as migration V13
 * does for a database that had the notice: a fresh install and an upgraded one then answer alike.
 */
@ApplicationScoped
class FoundingCampaign {

    static final String TITLE = "学习宣传贯彻党的二十大精神";

    private final EntityManager entityManager;
    private final CampaignConfig config;
    private final Event<CampaignChanged> changes;
    private final AuditLog audit;

    FoundingCampaign(EntityManager entityManager, CampaignConfig config, Event<CampaignChanged> changes,
                     AuditLog audit) {
        this.entityManager = entityManager;
        this.config = config;
        this.changes = changes;
        this.audit = audit;
    }

    void onImport(@Observes NoticeImported imported) {
        if (!config.docNumber().equals(imported.docNumber()) || count(
                "SELECT COUNT(*) FROM campaign_material WHERE notice_id = ?1", imported.noticeId()) > 0) {
            return;
        }
        Instant now = DbClock.now();
        Number passScore = (Number) entityManager.createNativeQuery("""
                        SELECT COALESCE(MAX(pass_score), 80) FROM quiz WHERE notice_id = ?1 AND kind = 'FINAL'""")
                .setParameter(1, imported.noticeId()).getSingleResult();
        Campaign founded = new Campaign();
        founded.title = TITLE;
        founded.description = imported.title();
        founded.status = CampaignStatus.PUBLISHED;
        founded.finalPassScore = passScore.intValue();
        founded.revision = 1;
        founded.publishedAt = now;
        founded.createdAt = now;
        founded.createdBy = imported.actor();
        founded.updatedAt = now;
        founded.persist();
        long campaign = founded.id;
        entityManager.createNativeQuery(
                        "INSERT INTO campaign_material (campaign_id, notice_id, position) VALUES (?1, ?2, 1)")
                .setParameter(1, campaign).setParameter(2, imported.noticeId()).executeUpdate();
        entityManager.createNativeQuery("""
                        INSERT INTO campaign_audience (campaign_id, org_id)
                        SELECT ?1, id FROM organization WHERE parent_id IS NULL""")
                .setParameter(1, campaign).executeUpdate();
        entityManager.createNativeQuery("""
                        UPDATE quiz SET campaign_id = ?1
                        WHERE notice_id = ?2 AND kind IN ('FINAL', 'DAILY') AND campaign_id IS NULL""")
                .setParameter(1, campaign).setParameter(2, imported.noticeId()).executeUpdate();
        audit.recordSystem("campaign.found", "campaign:" + campaign,
                "published for the whole tree with notice " + imported.docNumber());
        changes.fire(new CampaignChanged(campaign, CampaignChanged.Kind.PUBLISHED));
    }

    private long count(String sql, long parameter) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue();
    }
}
