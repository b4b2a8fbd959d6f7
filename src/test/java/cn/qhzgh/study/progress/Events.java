package cn.qhzgh.study.progress;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reading events as a phone sends them. */
public final class Events {

    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private Events() {
    }

    public static Map<String, Object> event(long moduleId, int percent, int seconds, int minutesAgo) {
        return event(UUID.randomUUID().toString(), moduleId, percent, seconds, minutesAgo);
    }

    public static Map<String, Object> event(String eventId, long moduleId, int percent, int seconds, int minutesAgo) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", eventId);
        event.put("moduleId", moduleId);
        event.put("percent", percent);
        event.put("secondsSpent", seconds);
        event.put("occurredAt", OffsetDateTime.now(BEIJING).minusMinutes(minutesAgo).toString());
        event.put("channel", "WECHAT");
        return event;
    }

    static Map<String, Object> with(Map<String, Object> event, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(event);
        changed.put(field, value);
        return changed;
    }
}
