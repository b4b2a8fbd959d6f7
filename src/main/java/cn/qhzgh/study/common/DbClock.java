package cn.qhzgh.study.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/** Now, at the microsecond precision DATETIME(6) stores, so a value reads back exactly as it was written. */
public final class DbClock {

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    private DbClock() {
    }

    public static Instant now() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs {@code work} on this thread as if now were {@code at}: the dev seed replays 30 days of activity. */
    public static <T> T pinnedAt(Instant at, Supplier<T> work) {
        PINNED.set(at.truncatedTo(ChronoUnit.MICROS));
        try {
            return work.get();
        } finally {
            PINNED.remove();
        }
    }

    /** Reads a timestamp column of a native query, whatever Java type the driver chose for it (UTC columns). */
    public static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
