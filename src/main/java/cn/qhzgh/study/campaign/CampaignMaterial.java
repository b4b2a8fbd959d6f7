package cn.qhzgh.study.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One document of a campaign, in study order. */
public record CampaignMaterial(
        @Schema(required = true, example = "1")
        long noticeId,
        @Schema(required = true, example = "青总发〔2022〕24号", nullable = true)
        String docNumber,
        @Schema(required = true, example = "关于认真学习宣传贯彻党的二十大精神的通知")
        String title,
        @Schema(required = true, example = "19", description = "Its published study modules")
        int publishedModules) {
}
