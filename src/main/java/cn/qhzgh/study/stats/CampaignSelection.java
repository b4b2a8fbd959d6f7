package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** The campaign a statistics call reports on: the one asked for, if the caller may see it, or the default. */
@ApplicationScoped
class CampaignSelection {

    private final CampaignDirectory campaigns;
    private final EntityManager entityManager;

    CampaignSelection(CampaignDirectory campaigns, EntityManager entityManager) {
        this.campaigns = campaigns;
        this.entityManager = entityManager;
    }

    /** Draft campaigns and those whose audience lies outside the caller's subtree are not found, as unknown ones. */
    CampaignRef select(Caller caller, Long campaignId) {
        String scope = caller.isProvinceAdmin() ? null : caller.orgPath();
        if (campaignId == null) {
            return campaigns.defaultFor(caller.orgPath(), caller.isProvinceAdmin()).orElseThrow(() ->
                    DomainException.notFound("no-campaign", "No published campaign reaches your union yet."));
        }
        return campaigns.reportable(scope, campaignId).orElseThrow(() -> DomainException.notFound("campaign-not-found",
                        "No campaign you report on has the id " + campaignId + "."));
    }

    /** The doc number of the campaign's first material, which older app versions show as the campaign's name. */
    String firstDocNumber(CampaignRef campaign) {
        if (campaign.noticeIds().isEmpty()) {
            return null;
        }
        List<?> numbers = entityManager.createNativeQuery("SELECT doc_number FROM notice WHERE id = ?1")
                .setParameter(1, campaign.noticeIds().get(0)).getResultList();
        return numbers.isEmpty() ? null : (String) numbers.get(0);
    }
}
