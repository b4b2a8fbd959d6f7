package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.security.Caller;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class WorkerService {

    private final OrgService orgs;

    public WorkerService(OrgService orgs) {
        this.orgs = orgs;
    }

    /** A page of the subtree's workers; {@code search}, when not blank, keeps those whose id or name starts with it. */
    public PageResult<WorkerView> list(Caller caller, String orgCode, String search, int page, int size) {
        Organization root = orgs.visible(caller, orgCode);
        String subtree = "orgId in (select o.id from Organization o where o.path like ?1)";
        var query = WorkerSearch.prefixPattern(search)
                .map(pattern -> Worker.<Worker>find(subtree + " and (externalId like ?2 escape '" + WorkerSearch.ESCAPE
                        + "' or name like ?2 escape '" + WorkerSearch.ESCAPE + "') order by externalId", root.path + "%", pattern))
                .orElseGet(() -> Worker.find(subtree + " order by externalId", root.path + "%"));
        List<Worker> workers = query.page(Page.of(page, size)).list();
        if (workers.isEmpty()) {
            return new PageResult<>(List.of(), query.count(), page, size);
        }
        Map<Long, Organization> orgById = Organization.<Organization>list("id in ?1",
                        workers.stream().map(w -> w.orgId).distinct().toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<WorkerView> items = workers.stream().map(w -> view(w, orgById.get(w.orgId))).toList();
        return new PageResult<>(items, query.count(), page, size);
    }

    public WorkerView get(Caller caller, String externalId) {
        Worker worker = Worker.findByExternalId(externalId).orElseThrow(() ->
                DomainException.notFound("worker-not-found", "No worker has the id '" + externalId + "'."));
        Organization org = Organization.findById(worker.orgId);
        if (!caller.canSee(org.path)) {
            throw DomainException.forbidden("outside-subtree",
                    "The worker '" + externalId + "' belongs to a union outside your subtree.");
        }
        return view(worker, org);
    }

    public MeView me(Caller caller) {
        Organization org = caller.orgId() != null ? Organization.findById(caller.orgId())
                : caller.isProvinceAdmin() ? Organization.soleRoot().orElse(null) : null;
        OrgSummary summary = org == null ? null : OrgSummary.of(org);
        if (caller.workerId() == null) {
            return new MeView(caller.externalId(), caller.role(), null, summary, null);
        }
        Worker worker = Worker.findById(caller.workerId());
        return new MeView(caller.externalId(), caller.role(), worker.name, summary, PhoneMask.mask(worker.phone));
    }

    private static WorkerView view(Worker worker, Organization org) {
        return new WorkerView(worker.externalId, worker.name, org.code, org.name, PhoneMask.mask(worker.phone),
                worker.source);
    }
}
