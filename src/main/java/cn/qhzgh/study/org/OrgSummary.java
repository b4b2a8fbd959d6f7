package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OrgSummary(
        @Schema(example = "QH-XN")
        String code,
        @Schema(example = "西宁市总工会")
        String name,
        @Schema(example = "CITY")
        OrgType type) {

    static OrgSummary of(Organization org) {
        return new OrgSummary(org.code, org.name, org.type);
    }
}
