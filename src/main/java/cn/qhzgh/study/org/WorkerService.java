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

    public PageResult<WorkerView> list(Caller caller, String orgCode, int page, int size) {
        Organization root = orgs.visible(caller, orgCode);
        var query = Worker.<Worker>find("orgId in (select o.id from Organization o where o.path like ?1) "
                + "order by externalId", root.path + "%");
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
        Organization org = caller.orgId() == null ? null : Organization.findById(caller.orgId());
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
