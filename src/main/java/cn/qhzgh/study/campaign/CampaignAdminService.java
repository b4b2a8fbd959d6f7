package cn.qhzgh.study.campaign;

import cn.qhzgh.study.common.DbClock;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.common.Preconditions;
import cn.qhzgh.study.common.ProblemError;
import cn.qhzgh.study.content.ModuleWithdrawing;
import cn.qhzgh.study.security.AuditLog;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Province admins draft, edit, publish and close campaigns. Every write locks the campaign row, checks If-Match,
 * bumps the revision, and audits and announces itself in the same transaction.
 */
@ApplicationScoped
public class CampaignAdminService {

    private final EntityManager entityManager;
    private final CampaignQueries queries;
    private final AuditLog audit;
    private final Event<CampaignChanged> changed;

    public CampaignAdminService(EntityManager entityManager, CampaignQueries queries, AuditLog audit,
                                Event<CampaignChanged> changed) {
        this.entityManager = entityManager;
        this.queries = queries;
        this.audit = audit;
        this.changed = changed;
    }

    @Transactional
    public PageResult<CampaignView> list(Caller caller, CampaignStatus status, int page, int size) {
        return queries.page(visibleScope(caller), status, page, size);
    }

    @Transactional
    public CampaignView get(Caller caller, long id) {
        Campaign campaign = find(id);
        CampaignView view = queries.view(campaign);
        String scope = visibleScope(caller);
        if (scope != null && !queries.audienceOverlaps(id, scope)) {
            throw DomainException.forbidden("outside-subtree",
                    "The campaign " + id + " is not open to any union of your own union's subtree.");
        }
        return view;
    }

    @Transactional
    public CampaignView create(Caller caller, CampaignRequest request) {
        List<String> audience = CampaignRules.orEmpty(request.audience());
        List<Long> materials = CampaignRules.orEmpty(request.materials());
        List<Long> optional = CampaignRules.orEmpty(request.optionalModuleIds());
        List<ProblemError> errors = new ArrayList<>();
        CampaignRules.window(request.opensAt(), request.closesAt(), errors);
        List<Long> orgIds = orgIds(audience, errors);
        checkNotices(materials, errors);
        checkOptionalModules(optional, materials, errors);
        requireValid(errors);

        Instant now = DbClock.now();
        Campaign campaign = new Campaign();
        campaign.title = request.title().strip();
        campaign.description = request.description() == null ? "" : request.description().strip();
        campaign.status = CampaignStatus.DRAFT;
        campaign.opensAt = request.opensAt();
        campaign.closesAt = request.closesAt();
        campaign.finalPassScore = request.finalPassScore() == null
                ? CampaignRules.DEFAULT_FINAL_PASS_SCORE : request.finalPassScore();
        campaign.revision = 1;
        campaign.createdAt = now;
        campaign.createdBy = caller.externalId();
        campaign.updatedAt = now;
        campaign.persist();
        entityManager.flush();
        replaceAudience(campaign.id, orgIds);
        replaceMaterials(campaign.id, materials);
        replaceOptionalModules(campaign.id, optional);
        audit.recordWithin(caller, "campaign.create", "campaign:" + campaign.id, campaign.title);
        changed.fire(new CampaignChanged(campaign.id, CampaignChanged.Kind.CREATED));
        return queries.view(campaign);
    }

    @Transactional
    public CampaignView update(Caller caller, long id, String ifMatch, CampaignUpdateRequest request) {
        Campaign campaign = lockForEdit(id, ifMatch);
        List<String> audience = CampaignRules.orEmpty(request.audience());
        List<Long> optional = CampaignRules.orEmpty(request.optionalModuleIds());
        List<ProblemError> errors = new ArrayList<>();
        CampaignRules.window(request.opensAt(), request.closesAt(), errors);
        List<Long> orgIds = orgIds(audience, errors);
        checkOptionalModules(optional, queries.materialIds(id), errors);
        requireValid(errors);
        if (campaign.status == CampaignStatus.PUBLISHED) {
            requireOpenWindow(request.closesAt());
        }

        List<Long> audienceBefore = queries.audienceIds(id);
        boolean audienceChanged = !Set.copyOf(orgIds).equals(Set.copyOf(audienceBefore));
        campaign.title = request.title().strip();
        campaign.description = request.description() == null ? "" : request.description().strip();
        campaign.opensAt = request.opensAt();
        campaign.closesAt = request.closesAt();
        campaign.finalPassScore = request.finalPassScore();
        bump(campaign);
        if (audienceChanged) {
            replaceAudience(id, orgIds);
        }
        replaceOptionalModules(id, optional);
        audit.recordWithin(caller, "campaign.update", "campaign:" + id, "revision " + campaign.revision
                + (audienceChanged ? ", audience " + String.join(",", audience) : ""));
        changed.fire(new CampaignChanged(id, CampaignChanged.Kind.EDITED));
        if (audienceChanged) {
            changed.fire(new CampaignChanged(id, CampaignChanged.Kind.AUDIENCE, audienceBefore));
        }
        return queries.view(campaign);
    }

    /** Replaces the ordered materials; optional modules of documents no longer studied stop being optional. */
    @Transactional
    public CampaignView setMaterials(Caller caller, long id, String ifMatch, MaterialsRequest request) {
        Campaign campaign = lockForEdit(id, ifMatch);
        List<Long> materials = CampaignRules.orEmpty(request.materials());
        List<ProblemError> errors = new ArrayList<>();
        checkNotices(materials, errors);
        requireValid(errors);
        replaceMaterials(id, materials);
        entityManager.createNativeQuery("""
                        DELETE FROM campaign_optional_module WHERE campaign_id = :id AND module_id NOT IN (
                            SELECT m.id FROM study_module m JOIN campaign_material cm ON cm.notice_id = m.notice_id
                            WHERE cm.campaign_id = :id)""")
                .setParameter("id", id).executeUpdate();
        if (campaign.status == CampaignStatus.PUBLISHED && queries.publishedModuleCount(id) == 0) {
            throw incomplete(List.of(ProblemError.field("materials",
                    "a published campaign needs a material with at least one published module")));
        }
        bump(campaign);
        audit.recordWithin(caller, "campaign.materials", "campaign:" + id, "revision " + campaign.revision
                + ", notices " + materials);
        changed.fire(new CampaignChanged(id, CampaignChanged.Kind.MATERIALS));
        return queries.view(campaign);
    }

    @Transactional
    public CampaignView publish(Caller caller, long id, String ifMatch) {
        Campaign campaign = lock(id, ifMatch);
        switch (campaign.status) {
            case PUBLISHED -> throw DomainException.conflict("campaign-already-published",
                    "The campaign " + id + " is already published.");
            case CLOSED -> throw closed(id);
            case DRAFT -> { }
        }
        List<ProblemError> missing = new ArrayList<>();
        if (queries.publishedModuleCount(id) == 0) {
            missing.add(ProblemError.field("materials", "needs a material with at least one published module"));
        }
        if (queries.audienceIds(id).isEmpty()) {
            missing.add(ProblemError.field("audience", "needs at least one union"));
        }
        Instant now = DbClock.now();
        if (campaign.closesAt != null && !campaign.closesAt.isAfter(now)) {
            missing.add(ProblemError.field("closesAt", "has passed; a campaign is published to be studied"));
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        campaign.status = CampaignStatus.PUBLISHED;
        campaign.publishedAt = now;
        bump(campaign);
        audit.recordWithin(caller, "campaign.publish", "campaign:" + id, "revision " + campaign.revision);
        changed.fire(new CampaignChanged(id, CampaignChanged.Kind.PUBLISHED));
        return queries.view(campaign);
    }

    @Transactional
    public CampaignView close(Caller caller, long id, String ifMatch) {
        Campaign campaign = lock(id, ifMatch);
        switch (campaign.status) {
            case DRAFT -> throw DomainException.conflict("campaign-not-published",
                    "The campaign " + id + " is a draft; only a published campaign can be closed.");
            case CLOSED -> throw closed(id);
            case PUBLISHED -> { }
        }
        campaign.status = CampaignStatus.CLOSED;
        bump(campaign);
        audit.recordWithin(caller, "campaign.close", "campaign:" + id, "revision " + campaign.revision);
        changed.fire(new CampaignChanged(id, CampaignChanged.Kind.CLOSED));
        return queries.view(campaign);
    }

    /** Org admins see the campaigns whose audience overlaps their subtree; null means everything. */
    private static String visibleScope(Caller caller) {
        return caller.isProvinceAdmin() ? null : Objects.requireNonNull(caller.orgPath());
    }

    private Campaign lockForEdit(long id, String ifMatch) {
        Campaign campaign = lock(id, ifMatch);
        if (campaign.status == CampaignStatus.CLOSED) {
            throw closed(id);
        }
        return campaign;
    }

    /**
     * The row lock makes a second edit with the same ETag wait, then fail the If-Match check. Plain SQL, because
     * the MySQL dialect's "for update of" is not understood by MariaDB.
     */
    private Campaign lock(long id, String ifMatch) {
        entityManager.createNativeQuery("SELECT id FROM campaign WHERE id = ?1 FOR UPDATE").setParameter(1, id)
                .getResultList();
        Campaign campaign = find(id);
        Preconditions.requireIfMatch(ifMatch, queries.view(campaign).etag(), "campaign");
        return campaign;
    }

    private static Campaign find(long id) {
        Campaign campaign = Campaign.findById(id);
        if (campaign == null) {
            throw DomainException.notFound("campaign-not-found", "No campaign has the id " + id + ".");
        }
        return campaign;
    }

    private static void bump(Campaign campaign) {
        campaign.revision++;
        campaign.updatedAt = DbClock.now();
    }

    /** A published campaign keeps a published module: the module admin may not withdraw its last one. */
    void refuseWithdrawingTheLastModule(@Observes ModuleWithdrawing withdrawing) {
        List<ProblemError> stranded = queries.publishedCampaignsOnlyWith(withdrawing.moduleId(), withdrawing.noticeId())
                .stream().map(campaign -> ProblemError.field("id", "is the last published module of published "
                        + "campaign " + campaign + "; give it another material first, or close it"))
                .toList();
        if (!stranded.isEmpty()) {
            throw incomplete(stranded);
        }
    }

    private static DomainException closed(long id) {
        return DomainException.conflict("campaign-closed", "The campaign " + id + " is closed and can no longer change.");
    }

    private static DomainException incomplete(List<ProblemError> missing) {
        return new DomainException(409, "campaign-incomplete", "Conflict",
                "The campaign lacks what a published campaign needs: " + missing.size() + " problem(s).",
                missing, missing.size());
    }

    private static void requireOpenWindow(Instant closesAt) {
        if (closesAt != null && !closesAt.isAfter(DbClock.now())) {
            throw incomplete(List.of(ProblemError.field("closesAt",
                    "has passed; close the campaign instead of ending its window")));
        }
    }

    private static void requireValid(List<ProblemError> errors) {
        if (!errors.isEmpty()) {
            throw DomainException.badRequest("invalid-campaign",
                    "The campaign has " + errors.size() + " invalid field(s).", errors);
        }
    }

    /** The ids of the audience's unions in the order given, naming unknown and repeated codes. */
    private List<Long> orgIds(List<String> codes, List<ProblemError> errors) {
        CampaignRules.noDuplicates("audience", codes, errors);
        Map<String, Long> known = new HashMap<>();
        if (!codes.isEmpty()) {
            NativeRows.list(entityManager.createNativeQuery("SELECT code, id FROM organization WHERE code IN (:codes)")
                            .setParameter("codes", Set.copyOf(codes)), r -> Map.entry(r.stringAt(0), r.longAt(1)))
                    .forEach(e -> known.put(e.getKey(), e.getValue()));
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            Long orgId = known.get(codes.get(i));
            if (orgId == null) {
                errors.add(ProblemError.field("audience[" + i + "]", "no union has the code '" + codes.get(i) + "'"));
            } else {
                ids.add(orgId);
            }
        }
        return List.copyOf(ids);
    }

    private void checkNotices(List<Long> noticeIds, List<ProblemError> errors) {
        CampaignRules.noDuplicates("materials", noticeIds, errors);
        Set<Long> known = Set.copyOf(ids(entityManager.createNativeQuery("SELECT id FROM notice WHERE id IN (:ids)"),
                noticeIds));
        for (int i = 0; i < noticeIds.size(); i++) {
            if (!known.contains(noticeIds.get(i))) {
                errors.add(ProblemError.field("materials[" + i + "]", "no notice has the id " + noticeIds.get(i)));
            }
        }
    }

    private void checkOptionalModules(List<Long> moduleIds, List<Long> noticeIds, List<ProblemError> errors) {
        CampaignRules.noDuplicates("optionalModuleIds", moduleIds, errors);
        Map<Long, Long> noticeOf = new HashMap<>();
        if (!moduleIds.isEmpty()) {
            NativeRows.list(entityManager.createNativeQuery("SELECT id, notice_id FROM study_module WHERE id IN (:ids)")
                            .setParameter("ids", Set.copyOf(moduleIds)), r -> Map.entry(r.longAt(0), r.longAt(1)))
                    .forEach(e -> noticeOf.put(e.getKey(), e.getValue()));
        }
        for (int i = 0; i < moduleIds.size(); i++) {
            Long notice = noticeOf.get(moduleIds.get(i));
            if (notice == null) {
                errors.add(ProblemError.field("optionalModuleIds[" + i + "]",
                        "no study module has the id " + moduleIds.get(i)));
            } else if (!noticeIds.contains(notice)) {
                errors.add(ProblemError.field("optionalModuleIds[" + i + "]", "module " + moduleIds.get(i)
                        + " belongs to notice " + notice + ", which is not among the campaign's materials"));
            }
        }
    }

    private static List<Long> ids(Query query, List<Long> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        return NativeRows.list(query.setParameter("ids", Set.copyOf(wanted)), r -> r.longAt(0));
    }

    private void replaceAudience(long id, List<Long> orgIds) {
        entityManager.createNativeQuery("DELETE FROM campaign_audience WHERE campaign_id = ?1")
                .setParameter(1, id).executeUpdate();
        for (Long orgId : orgIds) {
            entityManager.createNativeQuery("INSERT INTO campaign_audience (campaign_id, org_id) VALUES (?1, ?2)")
                    .setParameter(1, id).setParameter(2, orgId).executeUpdate();
        }
    }

    private void replaceMaterials(long id, List<Long> noticeIds) {
        entityManager.createNativeQuery("DELETE FROM campaign_material WHERE campaign_id = ?1")
                .setParameter(1, id).executeUpdate();
        for (int i = 0; i < noticeIds.size(); i++) {
            entityManager.createNativeQuery(
                            "INSERT INTO campaign_material (campaign_id, notice_id, position) VALUES (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, noticeIds.get(i)).setParameter(3, i + 1).executeUpdate();
        }
    }

    private void replaceOptionalModules(long id, List<Long> moduleIds) {
        entityManager.createNativeQuery("DELETE FROM campaign_optional_module WHERE campaign_id = ?1")
                .setParameter(1, id).executeUpdate();
        for (Long moduleId : moduleIds) {
            entityManager.createNativeQuery(
                            "INSERT INTO campaign_optional_module (campaign_id, module_id) VALUES (?1, ?2)")
                    .setParameter(1, id).setParameter(2, moduleId).executeUpdate();
        }
    }
}
