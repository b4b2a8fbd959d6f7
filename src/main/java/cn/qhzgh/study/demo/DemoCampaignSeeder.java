package cn.qhzgh.study.demo;

import cn.qhzgh.study.campaign.CampaignAdminService;
import cn.qhzgh.study.campaign.CampaignRequest;
import cn.qhzgh.study.campaign.CampaignView;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.content.NoticeImportResult;
import cn.qhzgh.study.content.NoticeImportService;
import cn.qhzgh.study.content.NoticeSeeder;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.security.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The dev seed's second campaign: the Central Committee's decision on studying the 20th Congress (a real public
 * document), for the unions of Xining only, opened four weeks ago; created and published through the admin service.
 */
@ApplicationScoped
class DemoCampaignSeeder {

    static final String DOCUMENT = "/notice/cpc-decision-2022-10-29.md";
    static final String TITLE = "学习《中共中央关于认真学习宣传贯彻党的二十大精神的决定》";
    static final String AUDIENCE = "QH-XN";
    private static final Logger LOG = Logger.getLogger(DemoCampaignSeeder.class);

    private final DemoSeedSettings settings;
    private final NoticeImportService imports;
    private final CampaignAdminService campaigns;
    private final EntityManager entityManager;

    DemoCampaignSeeder(DemoSeedSettings settings, NoticeImportService imports, CampaignAdminService campaigns,
                       EntityManager entityManager) {
        this.settings = settings;
        this.imports = imports;
        this.campaigns = campaigns;
        this.entityManager = entityManager;
    }

    @ActivateRequestContext
    void seed(@Observes @Priority(25) StartupEvent start) {
        if (!settings.enabled() || seeded()) {
            return;
        }
        NoticeImportResult imported = imports.importNotice(NoticeSeeder.bundled(DOCUMENT), false, "seed");
        Caller admin = provinceAdmin();
        Instant now = DbClock.now();
        CampaignView created = campaigns.create(admin, new CampaignRequest(TITLE,
                "西宁市各级工会组织职工原原本本学习党中央的决定，完成全部模块并通过结业考试。",
                now.minus(Duration.ofDays(28)), now.plus(Duration.ofDays(33)), 80, List.of(AUDIENCE),
                List.of(imported.notice().id()), null));
        CampaignView published = campaigns.publish(admin, created.id(), created.etag());
        LOG.infof("Seeded campaign %d 「%s」 for %s: %d modules", published.id(), TITLE, AUDIENCE,
                imported.modules().size());
    }

    private boolean seeded() {
        return ((Number) entityManager.createNativeQuery("SELECT COUNT(*) FROM campaign WHERE title = ?1")
                .setParameter(1, TITLE).getSingleResult()).longValue() > 0;
    }

    private Caller provinceAdmin() {
        return NativeRows.list(entityManager.createNativeQuery(
                        "SELECT id, code, path FROM organization WHERE parent_id IS NULL ORDER BY id"),
                r -> new Caller("seed", Roles.PROVINCE_ADMIN, r.stringAt(1), r.longAt(0), r.stringAt(2), null)).get(0);
    }
}
