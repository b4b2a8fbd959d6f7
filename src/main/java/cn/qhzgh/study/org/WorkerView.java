package cn.qhzgh.study.org;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A worker as admins see them; the phone is always masked. */
public record WorkerView(
        @Schema(required = true, example = "qh-w-000128")
        String externalId,
        @Schema(required = true, example = "马建国", nullable = true)
        String name,
        @Schema(required = true, example = "QH-XN-CZ")
        String orgCode,
        @Schema(required = true, example = "城中区总工会")
        String orgName,
        @Schema(required = true, example = "139****5678", nullable = true)
        String phone,
        @Schema(required = true, example = "IMPORT")
        Worker.Source source) {
}
