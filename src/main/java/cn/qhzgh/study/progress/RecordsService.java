package cn.qhzgh.study.progress;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.NativeRows;
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
        NativeRows.list(entityManager.createNativeQuery(
                        "SELECT module_id, percent, completed_at FROM module_progress WHERE worker_id = ?1")
                        .setParameter(1, workerId),
                r -> Map.entry(r.longAt(0), new ModuleState(r.intAt(1), r.instantAt(2) != null)))
                .forEach(state -> states.put(state.getKey(), state.getValue()));
        return states;
    }

    private RecordsView records(long workerId, String externalId) {
        CampaignNotice notice = campaignNotice();
        long noticeId = notice.id();
        Map<String, Integer> bestByCode = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT q.module_code, MAX(a.score) FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
                        WHERE q.notice_id = ?1 AND q.kind = 'MODULE' AND a.worker_id = ?2 AND a.score IS NOT NULL
                        GROUP BY q.module_code""").setParameter(1, noticeId).setParameter(2, workerId),
                r -> Map.entry(r.stringAt(0), r.intAt(1)))
                .forEach(best -> bestByCode.put(best.getKey(), best.getValue()));
        List<ModuleRecord> modules = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id, m.code, v.title, p.percent, p.credited_seconds, p.completed_at
                        FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        LEFT JOIN module_progress p ON p.module_id = m.id AND p.worker_id = ?1
                        WHERE m.notice_id = ?2 AND m.published = TRUE ORDER BY m.position""")
                        .setParameter(1, workerId).setParameter(2, noticeId),
                r -> new ModuleRecord(r.longAt(0), r.stringAt(1), r.stringAt(2), (int) r.longOrZeroAt(3), r.longOrZeroAt(4),
                        bestByCode.get(r.stringAt(1)), r.instantAt(5) != null, r.instantAt(5)));
        List<Object> campaign = entityManager.createNativeQuery(
                        "SELECT completed_at FROM campaign_completion WHERE worker_id = ?1 AND notice_id = ?2")
                .setParameter(1, workerId).setParameter(2, noticeId).getResultList();
        int completed = (int) modules.stream().filter(ModuleRecord::completed).count();
        return new RecordsView(externalId, noticeId, notice.docNumber(), modules, completed, modules.size(),
                !campaign.isEmpty(), campaign.isEmpty() ? null : DbClock.toInstant(campaign.get(0)));
    }

    /** The notice the campaign is about; the first imported one when the configured number is absent. */
    public CampaignNotice campaignNotice() {
        List<CampaignNotice> configured = NativeRows.list(entityManager.createNativeQuery(
                "SELECT id, doc_number FROM notice WHERE doc_number = ?1").setParameter(1, campaignDocNumber),
                r -> new CampaignNotice(r.longAt(0), r.stringAt(1)));
        if (!configured.isEmpty()) {
            return configured.get(0);
        }
        List<CampaignNotice> first = NativeRows.list(entityManager.createNativeQuery(
                "SELECT id, doc_number FROM notice ORDER BY id").setMaxResults(1),
                r -> new CampaignNotice(r.longAt(0), r.stringAt(1)));
        if (first.isEmpty()) {
            throw DomainException.notFound("no-notice", "No notice has been imported yet.");
        }
        return first.get(0);
    }
}
