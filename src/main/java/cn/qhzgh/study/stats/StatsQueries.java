package cn.qhzgh.study.stats;

import cn.qhzgh.study.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Subtree figures: sums of counter rows over one range of organization.path, never scans of workers. */
@ApplicationScoped
public class StatsQueries {

    private static final String SUMS = """
            SELECT (SELECT COALESCE(SUM(w.workers), 0) FROM org_worker_count w JOIN organization o ON o.id = w.org_id
                    WHERE o.path LIKE ?1),
                   COALESCE(SUM(c.started), 0), COALESCE(SUM(c.completed), 0), COALESCE(SUM(c.seconds_spent), 0),
                   COALESCE(SUM(c.final_attempted), 0), COALESCE(SUM(c.final_best_sum), 0),
                   COALESCE(SUM(c.final_passed), 0)
            FROM org_campaign_count c JOIN organization o ON o.id = c.org_id
            WHERE o.path LIKE ?1 AND c.notice_id = ?2""";

    private final EntityManager entityManager;

    public StatsQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    OrgFigures figures(Organization org, long noticeId) {
        Object[] sums = (Object[]) entityManager.createNativeQuery(SUMS)
                .setParameter(1, org.path + "%").setParameter(2, noticeId).getSingleResult();
        return OrgFigures.of(org.code, org.name, org.type, sums);
    }

    List<OrgFigures> children(Organization parent, long noticeId) {
        List<OrgFigures> figures = new ArrayList<>();
        for (Organization child : Organization.findByParent(parent.id)) {
            figures.add(figures(child, noticeId));
        }
        return figures;
    }

    /**
     * Sums the subtree's module counters in one pass grouped by module, then pairs them with the published modules:
     * joined in one statement, MariaDB walked the whole subtree once per module.
     */
    List<ModuleFigures> modules(Organization org, long noticeId, long workers) {
        List<Object[]> sums = entityManager.createNativeQuery("""
                        SELECT c.module_id, SUM(c.started), SUM(c.completed), SUM(c.quiz_attempted), SUM(c.quiz_best_sum)
                        FROM org_module_count c JOIN organization o ON o.id = c.org_id
                        WHERE o.path LIKE ?1 GROUP BY c.module_id""")
                .setParameter(1, org.path + "%").getResultList();
        Map<Long, Object[]> sumsByModule = new HashMap<>();
        sums.forEach(r -> sumsByModule.put(OrgFigures.number(r[0]), r));
        List<Object[]> modules = entityManager.createNativeQuery("""
                        SELECT m.id, m.code, v.title FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        WHERE m.notice_id = ?1 AND m.published = TRUE ORDER BY m.position""")
                .setParameter(1, noticeId).getResultList();
        return modules.stream().map(m -> {
            long moduleId = OrgFigures.number(m[0]);
            Object[] r = sumsByModule.getOrDefault(moduleId, new Object[]{moduleId, 0, 0, 0, 0});
            long completed = OrgFigures.number(r[2]);
            long attempted = OrgFigures.number(r[3]);
            return new ModuleFigures(moduleId, (String) m[1], (String) m[2], OrgFigures.number(r[1]),
                    completed, OrgFigures.ratio(completed, workers),
                    attempted == 0 ? null : OrgFigures.round(OrgFigures.number(r[4]) / (double) attempted));
        }).toList();
    }

    List<DayFigures> trend(Organization org, long noticeId, LocalDate from, LocalDate to) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT d.activity_day, SUM(d.completions), SUM(d.active_workers)
                        FROM org_day_count d JOIN organization o ON o.id = d.org_id
                        WHERE o.path LIKE ?1 AND d.notice_id = ?2 AND d.activity_day BETWEEN ?3 AND ?4
                        GROUP BY d.activity_day ORDER BY d.activity_day""")
                .setParameter(1, org.path + "%").setParameter(2, noticeId)
                .setParameter(3, Date.valueOf(from)).setParameter(4, Date.valueOf(to)).getResultList();
        Map<LocalDate, DayFigures> byDay = new HashMap<>();
        rows.forEach(r -> {
            LocalDate day = r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0];
            byDay.put(day, new DayFigures(day, OrgFigures.number(r[1]), OrgFigures.number(r[2])));
        });
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(byDay.getOrDefault(day, new DayFigures(day, 0, 0)));
        }
        return days;
    }

    List<ChannelShare> channels(Organization org, long noticeId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT c.channel, SUM(c.events), SUM(c.seconds_spent)
                        FROM org_channel_count c JOIN organization o ON o.id = c.org_id
                        WHERE o.path LIKE ?1 AND c.notice_id = ?2 GROUP BY c.channel""")
                .setParameter(1, org.path + "%").setParameter(2, noticeId).getResultList();
        long events = rows.stream().mapToLong(r -> OrgFigures.number(r[1])).sum();
        long seconds = rows.stream().mapToLong(r -> OrgFigures.number(r[2])).sum();
        Map<String, Object[]> byChannel = new HashMap<>();
        rows.forEach(r -> byChannel.put((String) r[0], r));
        return List.of("APP", "WECHAT", "WEIBO", "VIDEO").stream().map(channel -> {
            Object[] r = byChannel.get(channel);
            long e = r == null ? 0 : OrgFigures.number(r[1]);
            long s = r == null ? 0 : OrgFigures.number(r[2]);
            return new ChannelShare(channel, e, OrgFigures.ratio(e, events), s, OrgFigures.ratio(s, seconds));
        }).toList();
    }
}
