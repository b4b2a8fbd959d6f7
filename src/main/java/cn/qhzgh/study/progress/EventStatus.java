package cn.qhzgh.study.progress;

public enum EventStatus {
    ACCEPTED, DUPLICATE, REJECTED
}
