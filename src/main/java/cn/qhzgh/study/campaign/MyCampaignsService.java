package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaigns open to a worker with the worker's progress in each. The records belong to progress and quiz, which
 * depend on campaigns, so they are read here in plain SQL: a fixed handful of queries whatever the campaign count.
 */
@ApplicationScoped
public class MyCampaignsService {

    private record Final(Integer bestScore, boolean passed) {
    }

    private record Started(long secondsSpent, Instant startedAt) {
    }

    private final EntityManager entityManager;
    private final CampaignDirectory directory;
    private final CampaignQueries queries;

    public MyCampaignsService(EntityManager entityManager, CampaignDirectory directory, CampaignQueries queries) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.queries = queries;
    }

    @Transactional
    public List<MyCampaign> mine(Caller caller) {
        List<CampaignRef> open = directory.openTo(caller.orgPath());
        if (open.isEmpty()) {
            return List.of();
        }
        long worker = caller.workerId();
        List<Long> ids = open.stream().map(CampaignRef::id).toList();
        Set<Long> noticeIds = new HashSet<>();
        open.forEach(c -> noticeIds.addAll(c.noticeIds()));

        Map<Long, String> descriptions = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("SELECT id, description FROM campaign WHERE id IN (:ids)")
                        .setParameter("ids", ids), r -> Map.entry(r.longAt(0), r.stringAt(1)))
                .forEach(e -> descriptions.put(e.getKey(), e.getValue()));
        Map<Long, List<CampaignMaterial>> materials = queries.materials(ids);
        Map<Long, List<Long>> publishedModules = new HashMap<>();
        Set<Long> completedModules = new HashSet<>();
        if (!noticeIds.isEmpty()) {
            NativeRows.list(entityManager.createNativeQuery(
                                    "SELECT notice_id, id FROM study_module WHERE published = TRUE AND notice_id IN (:ids)")
                            .setParameter("ids", noticeIds), r -> Map.entry(r.longAt(0), r.longAt(1)))
                    .forEach(e -> publishedModules.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                            .add(e.getValue()));
            completedModules.addAll(NativeRows.list(entityManager.createNativeQuery("""
                            SELECT p.module_id FROM module_progress p JOIN study_module m ON m.id = p.module_id
                            WHERE p.worker_id = :worker AND p.completed_at IS NOT NULL AND m.notice_id IN (:ids)""")
                    .setParameter("worker", worker).setParameter("ids", noticeIds), r -> r.longAt(0)));
        }
        Map<Long, Final> finals = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                                SELECT q.campaign_id, MAX(a.score), MAX(CASE WHEN a.passed THEN 1 ELSE 0 END)
                                FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
                                WHERE q.campaign_id IN (:ids) AND q.kind = 'FINAL' AND a.worker_id = :worker
                                  AND a.score IS NOT NULL
                                GROUP BY q.campaign_id""").setParameter("ids", ids).setParameter("worker", worker),
                        r -> Map.entry(r.longAt(0), new Final(r.intOrNullAt(1), r.intAt(2) == 1)))
                .forEach(e -> finals.put(e.getKey(), e.getValue()));
        Map<Long, Instant> completions = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                                SELECT campaign_id, completed_at FROM campaign_completion
                                WHERE worker_id = :worker AND campaign_id IN (:ids)""")
                        .setParameter("worker", worker).setParameter("ids", ids),
                        r -> Map.entry(r.longAt(0), r.instantAt(1)))
                .forEach(e -> completions.put(e.getKey(), e.getValue()));
        Map<Long, Started> started = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                                SELECT campaign_id, seconds_spent, started_at FROM worker_campaign
                                WHERE worker_id = :worker AND campaign_id IN (:ids)""")
                        .setParameter("worker", worker).setParameter("ids", ids),
                        r -> Map.entry(r.longAt(0), new Started(r.longAt(1), r.instantAt(2))))
                .forEach(e -> started.put(e.getKey(), e.getValue()));

        Instant now = DbClock.now();
        return open.stream().map(c -> {
            List<Long> required = c.noticeIds().stream()
                    .flatMap(n -> publishedModules.getOrDefault(n, List.of()).stream())
                    .filter(m -> !c.optionalModuleIds().contains(m)).distinct().toList();
            int completed = (int) required.stream().filter(completedModules::contains).count();
            Final exam = finals.getOrDefault(c.id(), new Final(null, false));
            Started start = started.getOrDefault(c.id(), new Started(0, null));
            boolean openNow = (c.opensAt() == null || !now.isBefore(c.opensAt()))
                    && (c.closesAt() == null || now.isBefore(c.closesAt()));
            return new MyCampaign(c.id(), c.title(), descriptions.getOrDefault(c.id(), ""), c.opensAt(), c.closesAt(),
                    openNow, materials.getOrDefault(c.id(), List.of()),
                    new CampaignProgress(required.size(), completed, exam.bestScore(), exam.passed(),
                            completions.get(c.id()), start.secondsSpent(), start.startedAt()));
        }).toList();
    }
}
