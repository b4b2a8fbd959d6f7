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

    private static final String WORKERS = """
            SELECT COALESCE(SUM(w.workers), 0) FROM org_worker_count w JOIN organization o ON o.id = w.org_id
            WHERE o.path LIKE ?1""";
    private static final String CAMPAIGN_SUMS = """
            SELECT COALESCE(SUM(c.started), 0), COALESCE(SUM(c.completed), 0), COALESCE(SUM(c.seconds_spent), 0),
                   COALESCE(SUM(c.final_attempted), 0), COALESCE(SUM(c.final_best_sum), 0),
                   COALESCE(SUM(c.final_passed), 0)
            FROM org_campaign_count c""";
    private static final String SUMS = CAMPAIGN_SUMS + """
             JOIN organization o ON o.id = c.org_id
            WHERE o.path LIKE ?1 AND c.campaign_id = ?2""";
    // The directory has a single root (OrgRowValidator), so the root's subtree is every row: no walk of organization.
    private static final String ALL_WORKERS = "SELECT COALESCE(SUM(workers), 0) FROM org_worker_count";
    private static final String ALL_SUMS = CAMPAIGN_SUMS + " WHERE c.campaign_id = ?1";

    // One part per child range of a /children statement: %1$d is the child's index, %2$d the range's parameter.
    private static final String CHILD_WORKERS_PART = """
            SELECT %1$d, COALESCE(SUM(w.workers), 0) FROM org_worker_count w JOIN organization o ON o.id = w.org_id
            WHERE o.path LIKE ?%2$d""";
    private static final String CHILD_SUMS_PART = "SELECT %1$d, " + CAMPAIGN_SUMS.substring("SELECT ".length()) + """
             JOIN organization o ON o.id = c.org_id
            WHERE o.path LIKE ?%2$d AND c.campaign_id = ?1""";

    private final EntityManager entityManager;

    public StatsQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The union's figures in the campaign: its workers are those of its subtree the campaign's audience reaches. */
    OrgFigures figures(Organization org, CampaignRef campaign) {
        boolean root = org.parentId == null;
        long workers = 0;
        for (String range : CampaignScope.reachedRanges(org.path, campaign.audiencePaths())) {
            workers += ((Number) (root && range.equals(org.path) ? entityManager.createNativeQuery(ALL_WORKERS)
                    : entityManager.createNativeQuery(WORKERS).setParameter(1, range + "%"))
                    .getSingleResult()).longValue();
        }
        var sumsQuery = root ? entityManager.createNativeQuery(ALL_SUMS).setParameter(1, campaign.id())
                : entityManager.createNativeQuery(SUMS).setParameter(1, org.path + "%").setParameter(2, campaign.id());
        OrgFigures.CampaignSums sums = NativeRows.list(sumsQuery,
                r -> new OrgFigures.CampaignSums(r.longOrZeroAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2),
                        r.longOrZeroAt(3), r.longOrZeroAt(4), r.longOrZeroAt(5))).get(0);
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
        List<ChildRange> reached = new ArrayList<>();
        List<ChildRange> subtrees = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            for (String range : CampaignScope.reachedRanges(children.get(i).path, campaign.audiencePaths())) {
                reached.add(new ChildRange(i, range));
            }
            subtrees.add(new ChildRange(i, children.get(i).path));
        }
        long[] workers = new long[children.size()];
        if (!reached.isEmpty()) {
            NativeRows.list(sumPerRange(CHILD_WORKERS_PART, reached, 1),
                    r -> new ChildWorkers(r.intAt(0), r.longOrZeroAt(1)))
                    .forEach(row -> workers[row.child()] += row.workers());
        }
        OrgFigures.CampaignSums[] sums = new OrgFigures.CampaignSums[children.size()];
        NativeRows.list(sumPerRange(CHILD_SUMS_PART, subtrees, 2).setParameter(1, campaign.id()),
                r -> new ChildSums(r.intAt(0), new OrgFigures.CampaignSums(r.longOrZeroAt(1), r.longOrZeroAt(2),
                        r.longOrZeroAt(3), r.longOrZeroAt(4), r.longOrZeroAt(5), r.longOrZeroAt(6))))
                .forEach(row -> sums[row.child()] = row.sums());
        List<OrgFigures> figures = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Organization child = children.get(i);
            figures.add(OrgFigures.of(child.code, child.name, child.type, workers[i], sums[i]));
        }
        return figures;
    }

    private record ChildWorkers(int child, long workers) {
    }

    private record ChildSums(int child, OrgFigures.CampaignSums sums) {
    }

    /** A path range whose sum belongs to the child at {@code child} in the parent's list of children. */
    private record ChildRange(int child, String path) {
    }

    /** The UNION ALL of {@code part} over the ranges, their patterns bound from parameter {@code firstRange} on. */
    private Query sumPerRange(String part, List<ChildRange> ranges, int firstRange) {
        StringBuilder sql = new StringBuilder();
        for (int k = 0; k < ranges.size(); k++) {
            sql.append(k == 0 ? "" : " UNION ALL ").append(part.formatted(ranges.get(k).child(), firstRange + k));
        }
        Query query = entityManager.createNativeQuery(sql.toString());
        for (int k = 0; k < ranges.size(); k++) {
            query.setParameter(firstRange + k, ranges.get(k).path() + "%");
        }
        return query;
    }

    /**
     * Sums the subtree's module counters in one pass grouped by module, then pairs them with the published modules:
     * joined in one statement, MariaDB walked the whole subtree once per module.
     */
    List<ModuleFigures> modules(Organization org, CampaignRef campaign, long workers) {
        Map<Long, ModuleSums> sumsByModule = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT c.module_id, SUM(c.started), SUM(c.completed), SUM(c.quiz_attempted), SUM(c.quiz_best_sum)
                        FROM org_module_count c JOIN organization o ON o.id = c.org_id
                        WHERE o.path LIKE ?1 GROUP BY c.module_id""").setParameter(1, org.path + "%"),
                r -> new ModuleSums(r.longAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2), r.longOrZeroAt(3), r.longOrZeroAt(4)))
                .forEach(sums -> sumsByModule.put(sums.moduleId(), sums));
        List<PublishedModule> modules = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id, m.code, v.title, m.notice_id FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        WHERE m.notice_id IN (?1) AND m.published = TRUE ORDER BY m.position""")
                        .setParameter(1, campaign.noticeIds().isEmpty() ? List.of(-1L) : campaign.noticeIds()),
                r -> new PublishedModule(r.longAt(0), r.longAt(3), r.stringAt(1), r.stringAt(2)));
        return modules.stream().sorted(Comparator.comparingInt(m -> campaign.noticeIds().indexOf(m.noticeId()))).map(m -> {
            ModuleSums r = sumsByModule.getOrDefault(m.id(), new ModuleSums(m.id(), 0, 0, 0, 0));
            return new ModuleFigures(m.id(), m.code(), m.title(), r.started(),
                    r.completed(), OrgFigures.ratio(r.completed(), workers),
                    r.quizAttempted() == 0 ? null : OrgFigures.round(r.quizBestSum() / (double) r.quizAttempted()));
        }).toList();
    }

    private record ModuleSums(long moduleId, long started, long completed, long quizAttempted, long quizBestSum) {
    }

    private record PublishedModule(long id, long noticeId, String code, String title) {
    }

    private record ChannelSums(String channel, long events, long seconds) {
    }

    List<DayFigures> trend(Organization org, CampaignRef campaign, LocalDate from, LocalDate to) {
        Map<LocalDate, DayFigures> byDay = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT d.activity_day, SUM(d.completions), SUM(d.active_workers)
                        FROM org_day_count d JOIN organization o ON o.id = d.org_id
                        WHERE o.path LIKE ?1 AND d.campaign_id = ?2 AND d.activity_day BETWEEN ?3 AND ?4
                        GROUP BY d.activity_day ORDER BY d.activity_day""")
                        .setParameter(1, org.path + "%").setParameter(2, campaign.id())
                        .setParameter(3, Date.valueOf(from)).setParameter(4, Date.valueOf(to)),
                r -> new DayFigures(r.dateAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2)))
                .forEach(day -> byDay.put(day.day(), day));
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new DayFigures(day, 0, 0)));
        }
        return days;
    }

    List<ChannelShare> channels(Organization org, CampaignRef campaign) {
        List<ChannelSums> rows = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT c.channel, SUM(c.events), SUM(c.seconds_spent)
                        FROM org_channel_count c JOIN organization o ON o.id = c.org_id
                        WHERE o.path LIKE ?1 AND c.campaign_id = ?2 GROUP BY c.channel""")
                        .setParameter(1, org.path + "%").setParameter(2, campaign.id()),
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
