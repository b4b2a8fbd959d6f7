package cn.qhzgh.study.stats;

import java.time.Instant;
import java.time.LocalDate;

/** Pure rules the live counters and the recount share. */
final class CounterRules {

    private CounterRules() {
    }

    /** The campaign day (Asia/Shanghai) an instant belongs to: the day a completion or an activity is counted on. */
    static LocalDate campaignDay(Instant at) {
        return LocalDate.ofInstant(at, StatsCounters.CAMPAIGN_ZONE);
    }
}
