package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A worker as admins see them; the phone is always masked. */
public record WorkerView(
        @Schema(example = "qh-w-000128")
        String externalId,
        @Schema(example = "马建国", nullable = true)
        String name,
        @Schema(example = "QH-XN-CZ")
        String orgCode,
        @Schema(example = "城中区总工会")
        String orgName,
        @Schema(example = "139****5678", nullable = true)
        String phone,
        @Schema(example = "IMPORT")
        Worker.Source source) {
}
