package cn.qhzgh.study.progress;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.campaign.CampaignStatus;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.content.ModuleCatalog;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.quiz.attempt.AttemptScored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where completions happen. A module is complete when its percent reached 100, it was credited the
 * minimum reading time (study.progress.credit.completion-minimum-fraction) and, if it has MODULE quizzes, the
 * worker passed one. A campaign is complete when every published module of its materials that it requires is
 * complete and its FINAL exam is passed; a module completion counts in every published campaign that studies its
 * notice and reaches the worker. completed_at is written once and never moved. Callers hold the worker's lock.
 */
@ApplicationScoped
public class CompletionService {

    private final EntityManager entityManager;
    private final Event<CompletionChanged> changes;
    private final Event<ProgressRecorded> progress;
    private final ModuleCatalog catalog;
    private final CreditSettings credit;
    private final CampaignDirectory campaigns;

    public CompletionService(EntityManager entityManager, Event<CompletionChanged> changes,
                             Event<ProgressRecorded> progress, ModuleCatalog catalog, CreditSettings credit,
                             CampaignDirectory campaigns) {
        this.campaigns = campaigns;
        this.entityManager = entityManager;
        this.changes = changes;
        this.progress = progress;
        this.catalog = catalog;
        this.credit = credit;
    }

    /**
     * @param completable the batch's modules now at 100 %, credited the minimum reading time and not complete,
     *                    which a passed quiz (or having none) completes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void afterProgress(ProgressRecorded recorded, List<CompletionCandidate> completable,
                       Map<Long, List<CampaignRef>> countingByNotice) {
        progress.fire(recorded);
        for (CompletionCandidate module : completable) {
            if (moduleQuizPassed(recorded.workerId(), module.noticeId(), module.moduleCode())) {
                completeModule(recorded.workerId(), recorded.orgId(), module.moduleId(), module.lastActivity(),
                        countingByNotice.getOrDefault(module.noticeId(), List.of()));
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void afterAttempt(@Observes AttemptScored scored) {
        if (!scored.passed() || scored.noticeId() == null && scored.campaignId() == null) {
            return;
        }
        String orgPath = orgPath(scored.orgId());
        if (scored.kind() == QuizKind.FINAL && scored.campaignId() != null) {
            campaigns.find(scored.campaignId()).filter(c -> counts(c, orgPath)).ifPresent(campaign ->
                    completeCampaignIfDone(scored.workerId(), scored.orgId(), campaign, scored.submittedAt()));
        } else if (scored.kind() == QuizKind.MODULE && scored.noticeId() != null) {
            List<CampaignRef> counting = campaigns.countingFor(scored.noticeId(), orgPath);
            Map<Long, Long> creditedByModule = new HashMap<>();
            NativeRows.list(entityManager.createNativeQuery("""
                            SELECT p.module_id, p.credited_seconds FROM module_progress p
                            JOIN study_module m ON m.id = p.module_id
                            WHERE p.worker_id = ?1 AND m.notice_id = ?2 AND m.code = ?3
                              AND p.percent >= 100 AND p.completed_at IS NULL""")
                            .setParameter(1, scored.workerId()).setParameter(2, scored.noticeId())
                            .setParameter(3, scored.moduleCode()),
                    r -> Map.entry(r.longAt(0), r.longAt(1)))
                    .forEach(row -> creditedByModule.put(row.getKey(), row.getValue()));
            catalog.refs(creditedByModule.keySet()).values().stream()
                    .filter(module -> creditedByModule.get(module.id()) >= ReadingCredit.completionMinimumSeconds(
                            module.readingMinutes(), credit.completionMinimumFraction()))
                    .forEach(module -> completeModule(scored.workerId(), scored.orgId(), module.id(),
                            scored.submittedAt(), counting));
        }
    }

    private boolean moduleQuizPassed(long workerId, long noticeId, String moduleCode) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        SELECT COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM quiz_attempt a WHERE a.quiz_id = q.id
                               AND a.worker_id = ?1 AND a.passed = TRUE) THEN 1 ELSE 0 END)
                        FROM quiz q WHERE q.notice_id = ?2 AND q.kind = 'MODULE' AND q.module_code = ?3
                          AND q.active = TRUE""")
                .setParameter(1, workerId).setParameter(2, noticeId).setParameter(3, moduleCode).getSingleResult();
        long quizzes = ((Number) row[0]).longValue();
        return quizzes == 0 || (row[1] != null && ((Number) row[1]).longValue() > 0);
    }

    private static boolean counts(CampaignRef campaign, String orgPath) {
        return campaign.status() == CampaignStatus.PUBLISHED && campaign.reaches(orgPath);
    }

    private String orgPath(long orgId) {
        return (String) entityManager.createNativeQuery("SELECT path FROM organization WHERE id = ?1")
                .setParameter(1, orgId).getSingleResult();
    }

    private void completeModule(long workerId, long orgId, long moduleId, Instant at, List<CampaignRef> counting) {
        int updated = entityManager.createNativeQuery("""
                        UPDATE module_progress SET completed_at = ?1
                        WHERE worker_id = ?2 AND module_id = ?3 AND completed_at IS NULL""")
                .setParameter(1, Timestamp.from(at)).setParameter(2, workerId).setParameter(3, moduleId)
                .executeUpdate();
        if (updated == 1) {
            changes.fire(new CompletionChanged(CompletionChanged.Kind.MODULE_COMPLETED, workerId, orgId, null,
                    moduleId, at));
            counting.forEach(campaign -> completeCampaignIfDone(workerId, orgId, campaign, at));
        }
    }

    private void completeCampaignIfDone(long workerId, long orgId, CampaignRef campaign, Instant at) {
        if (campaign.noticeIds().isEmpty()) {
            return;
        }
        long done = count("SELECT COUNT(*) FROM campaign_completion WHERE worker_id = ?1 AND campaign_id = ?2",
                workerId, campaign.id());
        long open = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id FROM study_module m
                        LEFT JOIN module_progress p ON p.module_id = m.id AND p.worker_id = ?1
                        WHERE m.notice_id IN (?2) AND m.published = TRUE AND p.completed_at IS NULL""")
                        .setParameter(1, workerId).setParameter(2, campaign.noticeIds()), r -> r.longAt(0))
                .stream().filter(module -> !campaign.optionalModuleIds().contains(module)).count();
        if (done > 0 || open > 0 || !finalPassed(workerId, campaign.id())) {
            return;
        }
        entityManager.createNativeQuery(
                        "INSERT INTO campaign_completion (worker_id, campaign_id, completed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, workerId).setParameter(2, campaign.id()).setParameter(3, Timestamp.from(at))
                .executeUpdate();
        changes.fire(new CompletionChanged(CompletionChanged.Kind.CAMPAIGN_COMPLETED, workerId, orgId, campaign.id(),
                null, at));
    }

    /** A campaign without a FINAL exam needs none. */
    private boolean finalPassed(long workerId, long campaignId) {
        long finals = count("SELECT COUNT(*) FROM quiz WHERE campaign_id = ?1 AND kind = 'FINAL' AND active = TRUE",
                campaignId, null);
        return finals == 0 || count("""
                SELECT COUNT(*) FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
                WHERE q.campaign_id = ?1 AND q.kind = 'FINAL' AND a.worker_id = ?2 AND a.passed = TRUE""",
                campaignId, workerId) > 0;
    }

    private long count(String sql, Object first, Object second) {
        var query = entityManager.createNativeQuery(sql).setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
