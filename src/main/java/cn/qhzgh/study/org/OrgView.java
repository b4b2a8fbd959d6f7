package cn.qhzgh.study.org;

import java.util.List;

public record OrgView(String code, String name, OrgType type, String parentCode, int depth,
                      List<OrgSummary> children) {
}
