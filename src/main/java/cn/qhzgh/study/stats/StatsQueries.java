package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.campaign.CampaignScope;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Subtree figures: sums of counter rows over one range of organization.path, never scans of workers. */
@ApplicationScoped
public class StatsQueries {

    private static final String CAMPAIGN_SUMS = """
            SELECT COALESCE(SUM(c.started), 0), COALESCE(SUM(c.completed), 0), COALESCE(SUM(c.seconds_spent), 0),
                   COALESCE(SUM(c.final_attempted), 0), COALESCE(SUM(c.final_best_sum), 0),
                   COALESCE(SUM(c.final_passed), 0)
            FROM org_campaign_count c""";
    // The directory has a single root (OrgRowValidator), so the root's subtree is every row: no walk of organization.
    private static final String ALL_WORKERS = "SELECT 0, COALESCE(SUM(workers), 0) FROM org_worker_count";

    // One part per path range of a range-sum statement: %1$d is the index of the union the range belongs to, %2$d
    // the range's parameter.
    private static final String RANGE_WORKERS_PART = """
            SELECT %1$d, COALESCE(SUM(w.workers), 0) FROM org_worker_count w JOIN organization o ON o.id = w.org_id
            WHERE o.path LIKE ?%2$d""";
    private static final String RANGE_SUMS_PART = "SELECT %1$d, " + CAMPAIGN_SUMS.substring("SELECT ".length()) + """
             JOIN organization o ON o.id = c.org_id
            WHERE o.path LIKE ?%2$d AND c.campaign_id = ?1""";

    private final EntityManager entityManager;

    public StatsQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The union's figures in the campaign: its workers are those of its subtree the campaign's audience reaches. */
    OrgFigures figures(Organization org, CampaignRef campaign) {
        List<String> reached = CampaignScope.reachedRanges(org.path, campaign.audiencePaths());
        long workers = 0;
        if (!reached.isEmpty()) {
            boolean wholeTree = org.parentId == null && reached.equals(List.of(org.path));
            Query workersQuery = wholeTree ? entityManager.createNativeQuery(ALL_WORKERS)
                    : sumPerRange(RANGE_WORKERS_PART, reached.stream().map(path -> new UnionRange(0, path)).toList(), 1);
            workers = NativeRows.list(workersQuery, r -> r.longOrZeroAt(1)).stream().mapToLong(Long::longValue).sum();
        }
        OrgFigures.CampaignSums sums = NativeRows.list(inSubtree(org, CAMPAIGN_SUMS + " %s AND c.campaign_id = :campaign")
                .setParameter("campaign", campaign.id()), r -> campaignSums(r, 0)).get(0);
        return OrgFigures.of(org.code, org.name, org.type, workers, sums);
    }

    /**
     * Every direct child's figures from two statements, each a UNION ALL of one indexed range sum per child: one
     * round trip each instead of two per child, and no temporary table, which grouping the parent's range by child
     * needed.
     */
    List<OrgFigures> children(Organization parent, CampaignRef campaign) {
        List<Organization> children = Organization.findByParent(parent.id);
        if (children.isEmpty()) {
            return List.of();
        }
        List<UnionRange> reached = new ArrayList<>();
        List<UnionRange> subtrees = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            for (String range : CampaignScope.reachedRanges(children.get(i).path, campaign.audiencePaths())) {
                reached.add(new UnionRange(i, range));
            }
            subtrees.add(new UnionRange(i, children.get(i).path));
        }
        long[] workers = new long[children.size()];
        if (!reached.isEmpty()) {
            NativeRows.list(sumPerRange(RANGE_WORKERS_PART, reached, 1),
                    r -> new UnionWorkers(r.intAt(0), r.longOrZeroAt(1)))
                    .forEach(row -> workers[row.union()] += row.workers());
        }
        OrgFigures.CampaignSums[] sums = new OrgFigures.CampaignSums[children.size()];
        NativeRows.list(sumPerRange(RANGE_SUMS_PART, subtrees, 2).setParameter(1, campaign.id()),
                        r -> new UnionSums(r.intAt(0), campaignSums(r, 1)))
                .forEach(row -> sums[row.union()] = row.sums());
        List<OrgFigures> figures = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Organization child = children.get(i);
            figures.add(OrgFigures.of(child.code, child.name, child.type, workers[i], sums[i]));
        }
        return figures;
    }

    private record UnionWorkers(int union, long workers) {
    }

    private record UnionSums(int union, OrgFigures.CampaignSums sums) {
    }

    /** The six campaign sums of {@link #CAMPAIGN_SUMS}, from column {@code first} on. */
    private static OrgFigures.CampaignSums campaignSums(NativeRows.Row r, int first) {
        return new OrgFigures.CampaignSums(r.longOrZeroAt(first), r.longOrZeroAt(first + 1), r.longOrZeroAt(first + 2),
                r.longOrZeroAt(first + 3), r.longOrZeroAt(first + 4), r.longOrZeroAt(first + 5));
    }

    /** A path range whose sum belongs to the union at {@code union} in the caller's list of unions. */
    private record UnionRange(int union, String path) {
    }

    /** The UNION ALL of {@code part} over the ranges, their patterns bound from parameter {@code firstRange} on. */
    private Query sumPerRange(String part, List<UnionRange> ranges, int firstRange) {
        StringBuilder sql = new StringBuilder();
        for (int k = 0; k < ranges.size(); k++) {
            sql.append(k == 0 ? "" : " UNION ALL ").append(part.formatted(ranges.get(k).union(), firstRange + k));
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int k = 0; k < ranges.size(); k++) {
            query.setParameter(firstRange + k, ranges.get(k).path() + "%");
        }
        return query;
    }

    /**
     * Sums the subtree's counters of the campaign's modules in one pass grouped by module: joined to the modules in
     * one statement, MariaDB walked the whole subtree once per module.
     */
    List<ModuleFigures> modules(Organization org, CampaignRef campaign, long workers) {
        List<PublishedModule> modules = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id, m.code, v.title, m.notice_id FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        WHERE m.notice_id IN (?1) AND m.published = TRUE ORDER BY m.position""")
                        .setParameter(1, campaign.noticeIds().isEmpty() ? List.of(-1L) : campaign.noticeIds()),
                r -> new PublishedModule(r.longAt(0), r.longAt(3), r.stringAt(1), r.stringAt(2)));
        if (modules.isEmpty()) {
            return List.of();
        }
        Map<Long, ModuleSums> sumsByModule = new HashMap<>();
        NativeRows.list(inSubtree(org, """
                        SELECT c.module_id, SUM(c.started), SUM(c.completed), SUM(c.quiz_attempted), SUM(c.quiz_best_sum)
                        FROM org_module_count c %s AND c.module_id IN (:modules) GROUP BY c.module_id""")
                        .setParameter("modules", modules.stream().map(PublishedModule::id).toList()),
                r -> new ModuleSums(r.longAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2), r.longOrZeroAt(3), r.longOrZeroAt(4)))
                .forEach(sums -> sumsByModule.put(sums.moduleId(), sums));
        return modules.stream().sorted(Comparator.comparingInt(m -> campaign.noticeIds().indexOf(m.noticeId()))).map(m -> {
            ModuleSums r = sumsByModule.getOrDefault(m.id(), new ModuleSums(m.id(), 0, 0, 0, 0));
            return new ModuleFigures(m.id(), m.code(), m.title(), r.started(),
                    r.completed(), OrgFigures.ratio(r.completed(), workers),
                    r.quizAttempted() == 0 ? null : OrgFigures.round(r.quizBestSum() / (double) r.quizAttempted()));
        }).toList();
    }

    /**
     * {@code sql} with its {@code %s} made the JOIN and WHERE that keep the counter rows (alias {@code c}) of the
     * union's subtree, bound: the root's subtree is every row, so the root needs no walk of organization.
     */
    private Query inSubtree(Organization org, String sql) {
        if (org.parentId == null) {
            return entityManager.createNativeQuery(sql.formatted("WHERE TRUE"));
        }
        String walk = "JOIN organization o ON o.id = c.org_id WHERE o.path LIKE :subtree";
        return entityManager.createNativeQuery(sql.formatted(walk)).setParameter("subtree", org.path + "%");
    }

    private record ModuleSums(long moduleId, long started, long completed, long quizAttempted, long quizBestSum) {
    }

    private record PublishedModule(long id, long noticeId, String code, String title) {
    }

    private record ChannelSums(String channel, long events, long seconds) {
    }

    List<DayFigures> trend(Organization org, CampaignRef campaign, LocalDate from, LocalDate to) {
        Map<LocalDate, DayFigures> byDay = new HashMap<>();
        NativeRows.list(inSubtree(org, """
                        SELECT c.activity_day, SUM(c.completions), SUM(c.active_workers) FROM org_day_count c
                        %s AND c.campaign_id = :campaign AND c.activity_day BETWEEN :from AND :to
                        GROUP BY c.activity_day ORDER BY c.activity_day""")
                        .setParameter("campaign", campaign.id())
                        .setParameter("from", Date.valueOf(from)).setParameter("to", Date.valueOf(to)),
                r -> new DayFigures(r.dateAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2)))
                .forEach(day -> byDay.put(day.day(), day));
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new DayFigures(day, 0, 0)));
        }
        return days;
    }

    List<ChannelShare> channels(Organization org, CampaignRef campaign) {
        List<ChannelSums> rows = NativeRows.list(inSubtree(org, """
                        SELECT c.channel, SUM(c.events), SUM(c.seconds_spent) FROM org_channel_count c
                        %s AND c.campaign_id = :campaign GROUP BY c.channel""").setParameter("campaign", campaign.id()),
                r -> new ChannelSums(r.stringAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2)));
        long events = rows.stream().mapToLong(ChannelSums::events).sum();
        long seconds = rows.stream().mapToLong(ChannelSums::seconds).sum();
        Map<String, ChannelSums> byChannel = new HashMap<>();
        rows.forEach(r -> byChannel.put(r.channel(), r));
        return List.of("APP", "WECHAT", "WEIBO", "VIDEO").stream().map(channel -> {
            ChannelSums r = byChannel.getOrDefault(channel, new ChannelSums(channel, 0, 0));
            return new ChannelShare(channel, r.events(), OrgFigures.ratio(r.events(), events), r.seconds(),
                    OrgFigures.ratio(r.seconds(), seconds));
        }).toList();
    }
}
