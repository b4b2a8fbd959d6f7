package cn.qhzgh.study.progress;

import java.util.List;

/** One result per event, in the order the events were sent. */
public record SyncResponse(List<EventResult> results) {
}
