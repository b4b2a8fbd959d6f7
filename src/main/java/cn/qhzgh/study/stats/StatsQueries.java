package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.campaign.CampaignScope;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

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

    // A descendant's child is its path up to the first '/' after the parent's path; %1$d is that path's length + 1,
    // a number written into the text so that the select list and GROUP BY hold the same expression on every server.
    private static final String CHILD_PATH = "SUBSTRING(o.path, 1, LOCATE('/', o.path, %1$d))";
    private static final String CHILD_SUMS = "SELECT " + CHILD_PATH + """
            , SUM(c.started), SUM(c.completed), SUM(c.seconds_spent),
                   SUM(c.final_attempted), SUM(c.final_best_sum), SUM(c.final_passed)
            FROM org_campaign_count c JOIN organization o ON o.id = c.org_id
            WHERE o.path LIKE ?1 AND o.path <> ?2 AND c.campaign_id = ?3
            GROUP BY\s""" + CHILD_PATH;
    private static final String CHILD_WORKERS = "SELECT " + CHILD_PATH + """
            , SUM(w.workers) FROM org_worker_count w JOIN organization o ON o.id = w.org_id
            WHERE o.path LIKE ?1 AND o.path <> ?2""";
    private static final OrgFigures.CampaignSums NO_SUMS = new OrgFigures.CampaignSums(0, 0, 0, 0, 0, 0);

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
     * Every direct child's figures from two statements over the parent's subtree, each row credited to the child
     * whose path begins it: per child, two statements cost the province's 48 children 96 round trips.
     */
    List<OrgFigures> children(Organization parent, CampaignRef campaign) {
        List<Organization> children = Organization.findByParent(parent.id);
        if (children.isEmpty()) {
            return List.of();
        }
        Map<String, Long> workers = workersByChild(parent, campaign);
        Map<String, OrgFigures.CampaignSums> sums = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery(CHILD_SUMS.formatted(parent.path.length() + 1))
                        .setParameter(1, parent.path + "%").setParameter(2, parent.path).setParameter(3, campaign.id()),
                r -> Map.entry(r.stringAt(0), new OrgFigures.CampaignSums(r.longOrZeroAt(1), r.longOrZeroAt(2),
                        r.longOrZeroAt(3), r.longOrZeroAt(4), r.longOrZeroAt(5), r.longOrZeroAt(6))))
                .forEach(row -> sums.put(row.getKey(), row.getValue()));
        return children.stream().map(child -> OrgFigures.of(child.code, child.name, child.type,
                workers.getOrDefault(child.path, 0L), sums.getOrDefault(child.path, NO_SUMS))).toList();
    }

    /** Workers per child path, counting only the unions the campaign's audience reaches. */
    private Map<String, Long> workersByChild(Organization parent, CampaignRef campaign) {
        List<String> ranges = CampaignScope.reachedRanges(parent.path, campaign.audiencePaths());
        Map<String, Long> workers = new HashMap<>();
        if (ranges.isEmpty()) {
            return workers;
        }
        // The parent's own path as the one range means the audience holds the whole subtree: no filter needed.
        List<String> filters = ranges.equals(List.of(parent.path)) ? List.of() : ranges;
        StringBuilder sql = new StringBuilder(CHILD_WORKERS);
        for (int i = 0; i < filters.size(); i++) {
            sql.append(i == 0 ? " AND (" : " OR ").append("o.path LIKE ?").append(i + 3);
        }
        sql.append(filters.isEmpty() ? "" : ")").append(" GROUP BY ").append(CHILD_PATH);
        var query = entityManager.createNativeQuery(sql.toString().formatted(parent.path.length() + 1))
                .setParameter(1, parent.path + "%").setParameter(2, parent.path);
        for (int i = 0; i < filters.size(); i++) {
            query.setParameter(i + 3, filters.get(i) + "%");
        }
        NativeRows.list(query, r -> Map.entry(r.stringAt(0), r.longOrZeroAt(1)))
                .forEach(row -> workers.put(row.getKey(), row.getValue()));
        return workers;
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
