package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.org.OrgService;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.campaign.CampaignScope;
import cn.qhzgh.study.security.Caller;
import cn.qhzgh.study.stats.report.ReportSink;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Dashboards of one campaign, scoped to the caller's subtree. */
@ApplicationScoped
public class StatsService {

    static final int MAX_TREND_DAYS = 366;
    private static final Map<String, Function<OrgFigures, Comparable<?>>> SORTS = Map.of(
            "code", OrgFigures::code, "name", OrgFigures::name, "workers", OrgFigures::workers,
            "started", OrgFigures::started, "completed", OrgFigures::completed,
            "completionRate", OrgFigures::completionRate, "finalAttempted", OrgFigures::finalAttempted,
            "finalPassed", OrgFigures::finalPassed, "passRate", OrgFigures::passRate,
            "secondsSpentTotal", OrgFigures::secondsSpentTotal);

    private final OrgService orgs;
    private final StatsQueries queries;
    private final CampaignSelection campaigns;
    private final ItemAnalysis items;
    private final WorkerReport workers;

    public StatsService(OrgService orgs, StatsQueries queries, CampaignSelection campaigns, ItemAnalysis items,
                        WorkerReport workers) {
        this.orgs = orgs;
        this.queries = queries;
        this.campaigns = campaigns;
        this.items = items;
        this.workers = workers;
    }

    @Transactional
    public SummaryView summary(Caller caller, String code, Long campaignId) {
        Organization org = orgs.visible(caller, code);
        CampaignRef campaign = campaigns.select(caller, campaignId);
        return new SummaryView(campaign.id(), campaign.title(), campaigns.firstDocNumber(campaign),
                queries.figures(org, campaign), Instant.now());
    }

    @Transactional
    public ChildrenView children(Caller caller, String code, Long campaignId, String sort, boolean descending) {
        Function<OrgFigures, Comparable<?>> key = SORTS.get(sort);
        if (key == null) {
            throw DomainException.badRequest("invalid-sort", "Cannot sort by '" + sort + "'.",
                    List.of(ProblemError.field("sort", "one of " + SORTS.keySet().stream().sorted().toList())));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<OrgFigures> order = Comparator.comparing((Function) key);
        Organization org = orgs.visible(caller, code);
        CampaignRef campaign = campaigns.select(caller, campaignId);
        List<OrgFigures> children = queries.children(org, campaign);
        return new ChildrenView(campaign.id(), campaign.title(), campaigns.firstDocNumber(campaign), children.stream().sorted(descending ? order.reversed() : order)
                .toList(), Instant.now());
    }

    @Transactional
    public List<ModuleFigures> modules(Caller caller, String code, Long campaignId) {
        Organization org = orgs.visible(caller, code);
        CampaignRef campaign = campaigns.select(caller, campaignId);
        return queries.modules(org, campaign, queries.figures(org, campaign).workers());
    }

    @Transactional
    public List<DayFigures> trend(Caller caller, String code, Long campaignId, LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_TREND_DAYS) {
            throw DomainException.badRequest("invalid-range", "from must not be after to, and the range at most "
                    + MAX_TREND_DAYS + " days.", List.of(ProblemError.field("from", "must be on or before 'to'")));
        }
        Organization org = orgs.visible(caller, code);
        return queries.trend(org, campaigns.select(caller, campaignId), from, to);
    }

    @Transactional
    public List<ChannelShare> channels(Caller caller, String code, Long campaignId) {
        Organization org = orgs.visible(caller, code);
        return queries.channels(org, campaigns.select(caller, campaignId));
    }

    @Transactional
    public QuestionAnalysis questions(Caller caller, String code, Long campaignId, int limit) {
        Organization org = orgs.visible(caller, code);
        return items.analyse(org, campaigns.select(caller, campaignId), limit);
    }

    /** The total comes from the counters (workers minus completed), never from counting workers. */
    @Transactional
    public PageResult<Laggard> laggards(Caller caller, String code, Long campaignId, int page, int size) {
        Organization org = orgs.visible(caller, code);
        CampaignRef campaign = campaigns.select(caller, campaignId);
        OrgFigures figures = queries.figures(org, campaign);
        List<String> ranges = CampaignScope.reachedRanges(org.path, campaign.audiencePaths());
        return new PageResult<>(workers.laggards(org, ranges, campaign.id(), page, size),
                figures.workers() - figures.completed(), page, size);
    }

    /** Checks scope and resolves what the export needs, before the response starts streaming. */
    @Transactional
    public ExportPlan exportPlan(Caller caller, String code, Long campaignId, String sheet) {
        Organization org = orgs.visible(caller, code);
        CampaignRef campaign = campaigns.select(caller, campaignId);
        List<OrgFigures> children = "children".equals(sheet) ? queries.children(org, campaign) : List.of();
        return new ExportPlan(org, campaign, children);
    }

    /** What an export streams: the org, the campaign, and for the children sheet its figures. */
    public record ExportPlan(Organization org, CampaignRef campaign, List<OrgFigures> children) {
    }

    public void writeWorkers(ExportPlan plan, ReportSink sink) {
        workers.write(CampaignScope.reachedRanges(plan.org().path, plan.campaign().audiencePaths()),
                plan.campaign().id(), sink);
    }

}
