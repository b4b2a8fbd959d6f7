package cn.qhzgh.study.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller's own profile; {@code name} and {@code phone} exist for workers only, {@code org} is a province admin's union, else the directory's root, and absent while the directory has no single root. */
public record MeView(
        @Schema(required = true, example = "qh-w-000128")
        String externalId,
        @Schema(required = true, example = "worker")
        String role,
        @Schema(required = true, example = "马建国", nullable = true)
        String name,
        @Schema(example = "{\"code\": \"QH-XN-CZ\", \"name\": \"城中区总工会\", \"type\": \"COUNTY\"}")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        OrgSummary org,
        @Schema(required = true, example = "139****5678", nullable = true)
        String phone) {
}
