package cn.qhzgh.study.progress;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.content.ModuleCatalog;
import cn.qhzgh.study.content.ModuleSummary;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A campaign's reading list: the published modules of its materials in order, with a worker's own progress. */
@ApplicationScoped
public class ReadingListService {

    private final ModuleCatalog catalog;
    private final CampaignDirectory campaigns;
    private final RecordsService records;

    public ReadingListService(ModuleCatalog catalog, CampaignDirectory campaigns, RecordsService records) {
        this.catalog = catalog;
        this.campaigns = campaigns;
        this.records = records;
    }

    /** The list of the campaign a call without one means; empty while no published campaign reaches the caller. */
    @Transactional
    public List<ModuleSummary> ofDefaultCampaign(Caller caller) {
        Optional<CampaignRef> campaign = caller.workerId() != null ? campaigns.forWorker(caller.orgPath(), null)
                : campaigns.defaultFor(caller.orgPath(), caller.isProvinceAdmin());
        return campaign.map(c -> list(caller, c)).orElse(List.of());
    }

    /** Workers see campaigns that reach their union; admins those they report on; drafts are nobody's. */
    @Transactional
    public List<ModuleSummary> ofCampaign(Caller caller, long campaignId) {
        Optional<CampaignRef> campaign = caller.workerId() != null ? campaigns.forWorker(caller.orgPath(), campaignId)
                : campaigns.reportable(caller.isProvinceAdmin() ? null : caller.orgPath(), campaignId);
        return list(caller, campaign.orElseThrow(() -> DomainException.notFound("campaign-not-found",
                "No campaign open to you has the id " + campaignId + ".")));
    }

    private List<ModuleSummary> list(Caller caller, CampaignRef campaign) {
        List<ModuleSummary> modules = catalog.publishedModules(campaign.noticeIds());
        if (caller.workerId() == null) {
            return modules;
        }
        Map<Long, ModuleState> states = records.moduleStates(caller.workerId());
        return modules.stream().map(m -> {
            ModuleState state = states.get(m.id());
            return state == null ? m.withProgress(0, false) : m.withProgress(state.percent(), state.completed());
        }).toList();
    }
}
