package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.org.OrgService;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.org.Worker;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Completion records: what a worker read, scored and completed in the campaign notice. */
@ApplicationScoped
public class RecordsService {

    private final EntityManager entityManager;
    private final OrgService orgs;
    private final String campaignDocNumber;

    public RecordsService(EntityManager entityManager, OrgService orgs,
                          @ConfigProperty(name = "study.campaign.doc-number") String campaignDocNumber) {
        this.entityManager = entityManager;
        this.orgs = orgs;
        this.campaignDocNumber = campaignDocNumber;
    }

    @Transactional
    public RecordsView mine(Caller caller) {
        if (caller.workerId() == null) {
            throw DomainException.forbidden("workers-only", "Only workers have completion records.");
        }
        return records(caller.workerId(), caller.externalId());
    }

    @Transactional
    public RecordsView ofWorker(Caller admin, String externalId) {
        Worker worker = Worker.findByExternalId(externalId).orElseThrow(() ->
                DomainException.notFound("worker-not-found", "No worker has the id '" + externalId + "'."));
        Organization org = Organization.findById(worker.orgId);
        if (!admin.canSee(org.path)) {
            throw DomainException.forbidden("outside-subtree",
                    "The worker '" + externalId + "' belongs to a union outside your subtree.");
        }
        return records(worker.id, externalId);
    }

    /** The caller's percent and completion per module id, for personalising the module list. */
    @Transactional
    public Map<Long, ModuleState> moduleStates(long workerId) {
        Map<Long, ModuleState> states = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery(
                        "SELECT module_id, percent, completed_at FROM module_progress WHERE worker_id = ?1")
                .setParameter(1, workerId).getResultList();
        rows.forEach(r -> states.put(((Number) r[0]).longValue(), new ModuleState(((Number) r[1]).intValue(), r[2] != null)));
        return states;
    }

    private RecordsView records(long workerId, String externalId) {
        Object[] notice = campaignNotice();
        long noticeId = ((Number) notice[0]).longValue();
        Map<String, Integer> bestByCode = new HashMap<>();
        List<Object[]> best = entityManager.createNativeQuery("""
                        SELECT q.module_code, MAX(a.score) FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
                        WHERE q.notice_id = ?1 AND q.kind = 'MODULE' AND a.worker_id = ?2 AND a.score IS NOT NULL
                        GROUP BY q.module_code""")
                .setParameter(1, noticeId).setParameter(2, workerId).getResultList();
        best.forEach(r -> bestByCode.put((String) r[0], ((Number) r[1]).intValue()));
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT m.id, m.code, v.title, p.percent, p.credited_seconds, p.completed_at
                        FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        LEFT JOIN module_progress p ON p.module_id = m.id AND p.worker_id = ?1
                        WHERE m.notice_id = ?2 AND m.published = TRUE ORDER BY m.position""")
                .setParameter(1, workerId).setParameter(2, noticeId).getResultList();
        List<ModuleRecord> modules = rows.stream().map(r -> new ModuleRecord(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], r[3] == null ? 0 : ((Number) r[3]).intValue(),
                r[4] == null ? 0 : ((Number) r[4]).longValue(), bestByCode.get((String) r[1]), r[5] != null,
                DbClock.toInstant(r[5]))).toList();
        List<Object> campaign = entityManager.createNativeQuery(
                        "SELECT completed_at FROM campaign_completion WHERE worker_id = ?1 AND notice_id = ?2")
                .setParameter(1, workerId).setParameter(2, noticeId).getResultList();
        int completed = (int) modules.stream().filter(ModuleRecord::completed).count();
        return new RecordsView(externalId, noticeId, (String) notice[1], modules, completed, modules.size(),
                !campaign.isEmpty(), campaign.isEmpty() ? null : DbClock.toInstant(campaign.get(0)));
    }

    /** The notice the campaign is about ([id, docNumber]); the first imported one when the configured number is absent. */
    public Object[] campaignNotice() {
        List<Object[]> configured = entityManager.createNativeQuery(
                "SELECT id, doc_number FROM notice WHERE doc_number = ?1").setParameter(1, campaignDocNumber)
                .getResultList();
        if (!configured.isEmpty()) {
            return configured.get(0);
        }
        List<Object[]> first = entityManager.createNativeQuery(
                "SELECT id, doc_number FROM notice ORDER BY id").setMaxResults(1).getResultList();
        if (first.isEmpty()) {
            throw DomainException.notFound("no-notice", "No notice has been imported yet.");
        }
        return first.get(0);
    }
}
