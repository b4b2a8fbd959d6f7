package cn.qhzgh.study.progress;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.org.Worker;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Completion records: what a worker read, scored and completed in one campaign. */
@ApplicationScoped
public class RecordsService {

    private final EntityManager entityManager;
    private final CampaignDirectory campaigns;

    public RecordsService(EntityManager entityManager, CampaignDirectory campaigns) {
        this.entityManager = entityManager;
        this.campaigns = campaigns;
    }

    @Transactional
    public RecordsView mine(Caller caller, Long campaignId) {
        if (caller.workerId() == null) {
            throw DomainException.forbidden("workers-only", "Only workers have completion records.");
        }
        return records(caller.workerId(), caller.externalId(), campaignFor(caller.orgPath(), campaignId));
    }

    @Transactional
    public RecordsView ofWorker(Caller admin, String externalId, Long campaignId) {
        Worker worker = Worker.findByExternalId(externalId).orElseThrow(() ->
                DomainException.notFound("worker-not-found", "No worker has the id '" + externalId + "'."));
        Organization org = Organization.findById(worker.orgId);
        if (!admin.canSee(org.path)) {
            throw DomainException.forbidden("outside-subtree",
                    "The worker '" + externalId + "' belongs to a union outside your subtree.");
        }
        return records(worker.id, externalId, campaignFor(org.path, campaignId));
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

    private RecordsView records(long workerId, String externalId, CampaignRef campaign) {
        List<Long> notices = campaign.noticeIds().isEmpty() ? List.of(-1L) : campaign.noticeIds();
        Map<String, Integer> bestByModule = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT q.notice_id, q.module_code, MAX(a.score) FROM quiz q JOIN quiz_attempt a ON a.quiz_id = q.id
                        WHERE q.notice_id IN (?1) AND q.kind = 'MODULE' AND a.worker_id = ?2 AND a.score IS NOT NULL
                        GROUP BY q.notice_id, q.module_code""").setParameter(1, notices).setParameter(2, workerId),
                r -> Map.entry(r.longAt(0) + ":" + r.stringAt(1), r.intAt(2)))
                .forEach(best -> bestByModule.put(best.getKey(), best.getValue()));
        List<ModuleRow> rows = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT m.id, m.code, v.title, p.percent, p.credited_seconds, p.completed_at, m.notice_id
                        FROM study_module m
                        JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version
                        LEFT JOIN module_progress p ON p.module_id = m.id AND p.worker_id = ?1
                        WHERE m.notice_id IN (?2) AND m.published = TRUE ORDER BY m.position""")
                        .setParameter(1, workerId).setParameter(2, notices),
                r -> new ModuleRow(r.longAt(6), new ModuleRecord(r.longAt(0), r.stringAt(1), r.stringAt(2),
                        (int) r.longOrZeroAt(3), r.longOrZeroAt(4), bestByModule.get(r.longAt(6) + ":" + r.stringAt(1)),
                        r.instantAt(5) != null, r.instantAt(5))));
        List<ModuleRecord> modules = rows.stream()
                .sorted(Comparator.comparingInt(row -> campaign.noticeIds().indexOf(row.noticeId())))
                .map(ModuleRow::record).toList();
        List<ModuleRecord> required = modules.stream()
                .filter(m -> !campaign.optionalModuleIds().contains(m.moduleId())).toList();
        List<Object> completion = entityManager.createNativeQuery(
                        "SELECT completed_at FROM campaign_completion WHERE worker_id = ?1 AND campaign_id = ?2")
                .setParameter(1, workerId).setParameter(2, campaign.id()).getResultList();
        long firstNotice = campaign.noticeIds().isEmpty() ? 0 : campaign.noticeIds().get(0);
        List<?> docNumber = entityManager.createNativeQuery("SELECT doc_number FROM notice WHERE id = ?1")
                .setParameter(1, firstNotice).getResultList();
        return new RecordsView(externalId, campaign.id(), campaign.title(), firstNotice,
                docNumber.isEmpty() ? null : (String) docNumber.get(0), modules,
                (int) required.stream().filter(ModuleRecord::completed).count(), required.size(),
                !completion.isEmpty(), completion.isEmpty() ? null : DbClock.toInstant(completion.get(0)));
    }

    /** A module's record with the notice it belongs to, which orders it among the campaign's materials. */
    private record ModuleRow(long noticeId, ModuleRecord record) {
    }

    /**
     * The campaign asked for, if it is published or closed and reaches the worker's union, or else the most recently
     * published one that does.
     */
    private CampaignRef campaignFor(String workerOrgPath, Long campaignId) {
        return campaigns.forWorker(workerOrgPath, campaignId).orElseThrow(() -> campaignId == null
                ? DomainException.notFound("no-campaign", "No published campaign reaches this worker's union yet.")
                : DomainException.notFound("campaign-not-found",
                        "No campaign of this worker has the id " + campaignId + "."));
    }
}
