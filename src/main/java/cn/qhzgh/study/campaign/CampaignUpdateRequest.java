package cn.qhzgh.study.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Replaces everything of a campaign but its materials (which have their own call) and its status. */
public record CampaignUpdateRequest(
        @Schema(example = "学习宣传贯彻党的二十大精神")
        @NotBlank @Size(max = CampaignRules.MAX_TITLE) String title,
        @Schema(example = "全省各级工会组织职工学习青总发〔2022〕24号通知，完成全部必学模块并通过结业考试。", nullable = true)
        @Size(max = CampaignRules.MAX_DESCRIPTION) String description,
        @Schema(example = "2022-11-16T00:00:00Z", nullable = true, implementation = String.class, format = "date-time",
                description = "From 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z")
        Instant opensAt,
        @Schema(example = "2022-12-31T15:59:59Z", nullable = true, implementation = String.class, format = "date-time",
                description = "From 2000-01-01T00:00:00Z to 2100-01-01T00:00:00Z, after opensAt")
        Instant closesAt,
        @Schema(example = "80")
        @NotNull @Min(0) @Max(100) Integer finalPassScore,
        @Schema(example = "[\"QH\"]", description = "Codes of the unions whose whole subtrees take part; no duplicates")
        @NotNull @Size(min = 1, max = CampaignRules.MAX_AUDIENCE) List<@NotBlank @Size(max = 64) String> audience,
        @Schema(example = "[3]", nullable = true,
                description = "Modules of the materials that completion does not require; no duplicates")
        @Size(max = CampaignRules.MAX_OPTIONAL_MODULES) List<@NotNull Long> optionalModuleIds) {
}
