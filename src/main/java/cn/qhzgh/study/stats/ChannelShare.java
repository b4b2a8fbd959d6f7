package cn.qhzgh.study.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One 三微一端 channel's part of the reading activity; shares are 0–1. */
public record ChannelShare(
        @Schema(required = true, example = "WECHAT")
        String channel,
        @Schema(required = true, example = "820311")
        long events,
        @Schema(required = true, example = "0.62")
        double eventShare,
        @Schema(required = true, example = "91234567", description = "Credited reading seconds (see POST /api/v1/me/progress), not the seconds phones claimed")
        long secondsSpent,
        @Schema(required = true, example = "0.58")
        double timeShare) {
}
