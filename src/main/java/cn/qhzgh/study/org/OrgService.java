package cn.qhzgh.study.org;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class OrgService {

    public OrgView get(Caller caller, String code) {
        Organization org = visible(caller, code);
        String parentCode = org.parentId == null ? null
                : Organization.<Organization>findByIdOptional(org.parentId).map(p -> p.code).orElse(null);
        List<OrgSummary> children = Organization.findByParent(org.id).stream().map(OrgSummary::of).toList();
        return new OrgView(org.code, org.name, org.type, parentCode, org.depth, children);
    }

    public OrgTreeNode tree(Caller caller, String code, Integer maxDepth) {
        Organization root = visible(caller, code);
        int lastDepth = maxDepth == null ? Integer.MAX_VALUE : root.depth + maxDepth;
        Map<Long, List<Organization>> childrenByParent = new HashMap<>();
        for (Organization org : Organization.findSubtree(root.path)) {
            if (!org.id.equals(root.id) && org.depth <= lastDepth) {
                childrenByParent.computeIfAbsent(org.parentId, k -> new ArrayList<>()).add(org);
            }
        }
        return node(root, childrenByParent, lastDepth);
    }

    /** Resolves an org the caller may read: unknown codes are 404, orgs outside the caller's subtree 403. */
    public Organization visible(Caller caller, String code) {
        Organization org = Organization.findByCode(code)
                .orElseThrow(() -> DomainException.notFound("org-not-found", "No union has the code '" + code + "'."));
        if (!caller.canSee(org.path)) {
            throw DomainException.forbidden("outside-subtree",
                    "The union '" + code + "' is outside your own union's subtree.");
        }
        return org;
    }

    private static OrgTreeNode node(Organization org, Map<Long, List<Organization>> childrenByParent, int lastDepth) {
        List<OrgTreeNode> children = org.depth >= lastDepth ? null
                : childrenByParent.getOrDefault(org.id, List.of()).stream()
                .map(child -> node(child, childrenByParent, lastDepth))
                .toList();
        return new OrgTreeNode(org.code, org.name, org.type, children);
    }
}
