package cn.qhzgh.study.progress;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One result per event, in the order the events were sent. */
public record SyncResponse(@Schema(required = true) List<EventResult> results) {
}
