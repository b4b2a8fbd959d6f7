package cn.qhzgh.study.stats;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.org.OrgService;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.progress.CampaignNotice;
import cn.qhzgh.study.progress.RecordsService;
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

/** Dashboards of the campaign notice, scoped to the caller's subtree. */
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
    private final RecordsService records;
    private final ItemAnalysis items;
    private final WorkerReport workers;

    public StatsService(OrgService orgs, StatsQueries queries, RecordsService records, ItemAnalysis items,
                        WorkerReport workers) {
        this.orgs = orgs;
        this.queries = queries;
        this.records = records;
        this.items = items;
        this.workers = workers;
    }

    @Transactional
    public SummaryView summary(Caller caller, String code) {
        CampaignNotice notice = records.campaignNotice();
        Organization org = orgs.visible(caller, code);
        return new SummaryView(notice.docNumber(), queries.figures(org, notice.id()), Instant.now());
    }

    @Transactional
    public ChildrenView children(Caller caller, String code, String sort, boolean descending) {
        Function<OrgFigures, Comparable<?>> key = SORTS.get(sort);
        if (key == null) {
            throw DomainException.badRequest("invalid-sort", "Cannot sort by '" + sort + "'.",
                    List.of(ProblemError.field("sort", "one of " + SORTS.keySet().stream().sorted().toList())));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Comparator<OrgFigures> order = Comparator.comparing((Function) key);
        Organization org = orgs.visible(caller, code);
        CampaignNotice notice = records.campaignNotice();
        List<OrgFigures> children = queries.children(org, notice.id());
        return new ChildrenView(notice.docNumber(), children.stream().sorted(descending ? order.reversed() : order)
                .toList(), Instant.now());
    }

    @Transactional
    public List<ModuleFigures> modules(Caller caller, String code) {
        Organization org = orgs.visible(caller, code);
        long notice = records.campaignNotice().id();
        return queries.modules(org, notice, queries.figures(org, notice).workers());
    }

    @Transactional
    public List<DayFigures> trend(Caller caller, String code, LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_TREND_DAYS) {
            throw DomainException.badRequest("invalid-range", "from must not be after to, and the range at most "
                    + MAX_TREND_DAYS + " days.", List.of(ProblemError.field("from", "must be on or before 'to'")));
        }
        return queries.trend(orgs.visible(caller, code), records.campaignNotice().id(), from, to);
    }

    @Transactional
    public List<ChannelShare> channels(Caller caller, String code) {
        return queries.channels(orgs.visible(caller, code), records.campaignNotice().id());
    }

    @Transactional
    public List<QuestionItem> questions(Caller caller, String code, int limit) {
        return items.items(orgs.visible(caller, code), limit);
    }

    /** The total comes from the counters (workers minus completed), never from counting workers. */
    @Transactional
    public PageResult<Laggard> laggards(Caller caller, String code, int page, int size) {
        Organization org = orgs.visible(caller, code);
        long notice = records.campaignNotice().id();
        OrgFigures figures = queries.figures(org, notice);
        return new PageResult<>(workers.laggards(org, notice, page, size), figures.workers() - figures.completed(),
                page, size);
    }

    /** Checks scope and resolves what the export needs, before the response starts streaming. */
    @Transactional
    public ExportPlan exportPlan(Caller caller, String code, String sheet) {
        Organization org = orgs.visible(caller, code);
        long notice = records.campaignNotice().id();
        List<OrgFigures> children = "children".equals(sheet) ? queries.children(org, notice) : List.of();
        return new ExportPlan(org, notice, children);
    }

    /** What an export streams: the org, the notice, and for the children sheet its figures. */
    public record ExportPlan(Organization org, long noticeId, List<OrgFigures> children) {
    }

    public void writeWorkers(ExportPlan plan, ReportSink sink) {
        workers.write(plan.org(), plan.noticeId(), sink);
    }

}
