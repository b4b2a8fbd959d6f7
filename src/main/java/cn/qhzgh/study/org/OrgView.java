package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record OrgView(
        @Schema(example = "QH-XN")
        String code,
        @Schema(example = "西宁市总工会")
        String name,
        @Schema(example = "CITY")
        OrgType type,
        @Schema(example = "QH", nullable = true)
        String parentCode,
        @Schema(example = "1")
        int depth,
        @Schema(example = "[{\"code\": \"QH-XN-CZ\", \"name\": \"城中区总工会\", \"type\": \"COUNTY\"}]")
        List<OrgSummary> children) {
}
