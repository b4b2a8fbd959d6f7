package cn.qhzgh.study.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A published campaign open to the caller's union, with the caller's progress in it. */
public record MyCampaign(
        @Schema(required = true, example = "11")
        long id,
        @Schema(required = true, example = "学习宣传贯彻党的二十大精神")
        String title,
        @Schema(required = true, example = "全省各级工会组织职工学习青总发〔2022〕24号通知，完成全部必学模块并通过结业考试。")
        String description,
        @Schema(required = true, example = "2022-11-16T00:00:00Z", nullable = true, implementation = String.class, format = "date-time")
        Instant opensAt,
        @Schema(required = true, example = "2022-12-31T15:59:59Z", nullable = true, implementation = String.class, format = "date-time")
        Instant closesAt,
        @Schema(required = true, example = "true", description = "The window holds now")
        boolean openNow,
        @Schema(required = true)
        List<CampaignMaterial> materials,
        @Schema(required = true)
        CampaignProgress progress) {
}
