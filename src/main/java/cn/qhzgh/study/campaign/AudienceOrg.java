package cn.qhzgh.study.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A union whose whole subtree a campaign is open to. */
public record AudienceOrg(
        @Schema(required = true, example = "QH")
        String code,
        @Schema(required = true, example = "青海省总工会")
        String name) {
}
