package cn.qhzgh.study.campaign;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The whole ordered list of a campaign's documents: adding, removing and reordering are one replacement. */
public record MaterialsRequest(
        @Schema(example = "[1, 4]", description = "Notice ids in study order; no duplicates")
        @NotNull @Size(max = CampaignRules.MAX_MATERIALS) List<@NotNull Long> materials) {
}
