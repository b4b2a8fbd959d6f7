package cn.qhzgh.study.org;

public record OrgSummary(String code, String name, OrgType type) {

    static OrgSummary of(Organization org) {
        return new OrgSummary(org.code, org.name, org.type);
    }
}
