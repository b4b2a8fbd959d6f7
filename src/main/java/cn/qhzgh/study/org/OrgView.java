package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public record OrgView(
        @Schema(required = true, example = "QH-XN")
        String code,
        @Schema(required = true, example = "西宁市总工会")
        String name,
        @Schema(required = true, example = "CITY")
        OrgType type,
        @Schema(required = true, example = "QH", nullable = true)
        String parentCode,
        @Schema(required = true, example = "1")
        int depth,
        @Schema(required = true, example = "[{\"code\": \"QH-XN-CZ\", \"name\": \"城中区总工会\", \"type\": \"COUNTY\"}]")
        List<OrgSummary> children) {
}
