package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OrgSummary(
        @Schema(required = true, example = "QH-XN")
        String code,
        @Schema(required = true, example = "西宁市总工会")
        String name,
        @Schema(required = true, example = "CITY")
        OrgType type) {

    static OrgSummary of(Organization org) {
        return new OrgSummary(org.code, org.name, org.type);
    }
}
