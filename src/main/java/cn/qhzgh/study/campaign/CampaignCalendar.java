package cn.qhzgh.study.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The one time zone of every campaign: its days (daily quiz, activity, trend) and nights (reconciliation). */
public final class CampaignCalendar {

    /** Beijing time, for annotations that need the zone's name as a constant (e.g. a scheduled job). */
    public static final String ZONE_NAME = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

    private CampaignCalendar() {
    }

    /** The campaign day an instant falls on. */
    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZONE);
    }
}
