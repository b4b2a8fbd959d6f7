package cn.qhzgh.study.progress;

/** The 三微一端 front ends: the union app, WeChat, Weibo and micro-video. */
public enum Channel {
    APP, WECHAT, WEIBO, VIDEO
}
