package cn.qhzgh.study.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A node of the union tree; {@code children} is absent where a depth limit cut the tree off. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrgTreeNode(
        @Schema(required = true, example = "QH-XN")
        String code,
        @Schema(required = true, example = "西宁市总工会")
        String name,
        @Schema(required = true, example = "CITY")
        OrgType type,
        @Schema(example = "[{\"code\": \"QH-XN-CZ\", \"name\": \"城中区总工会\", \"type\": \"COUNTY\", \"children\": []}]")
        List<OrgTreeNode> children) {
}
