package cn.qhzgh.study.org;

import java.util.List;

public record OrgTreeNode(String code, String name, OrgType type, List<OrgTreeNode> children) {
}
