package cn.qhzgh.study.stats;

/** One 三微一端 channel's part of the reading activity; shares are 0–1. */
public record ChannelShare(String channel, long events, double eventShare, long secondsSpent, double timeShare) {
}
