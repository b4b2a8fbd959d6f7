package cn.qhzgh.study.org;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A node of the union tree; {@code children} is absent where a depth limit cut the tree off. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrgTreeNode(String code, String name, OrgType type, List<OrgTreeNode> children) {
}
