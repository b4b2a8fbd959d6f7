package cn.qhzgh.study.stats;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The pure rules of the nightly check: which kind runs tonight, and the mark a finished check leaves. */
final class CheckPlan {

    /** FULL reads every worker; CHANGED only the unions whose counters live writes changed since the mark. */
    enum Kind { FULL, CHANGED }

    private CheckPlan() {
    }

    /** FULL on the weekly day and whenever no check has been verified yet; CHANGED on the other nights. */
    static Kind tonight(LocalDate night, DayOfWeek fullCheckDay, Optional<Instant> mark) {
        return mark.isEmpty() || night.getDayOfWeek() == fullCheckDay ? Kind.FULL : Kind.CHANGED;
    }

    /**
     * The mark a check leaves once its snapshot (taken at {@code snapshotAt}) is consistent: earlier by the margin,
     * so a counter written before the snapshot by a transaction that committed after it is read next time.
     */
    static Instant mark(Instant snapshotAt, Duration margin) {
        return snapshotAt.minus(margin);
    }
}
