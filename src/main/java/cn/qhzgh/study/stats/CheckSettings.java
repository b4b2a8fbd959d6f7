package cn.qhzgh.study.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;

/** When the nightly counter check reads everything, and how far back it starts before the last verified snapshot. */
@ConfigMapping(prefix = "study.stats.check")
public interface CheckSettings {

    /** The night (Asia/Shanghai) of the weekly full check; other nights check only the unions that changed. */
    @WithDefault("SUNDAY")
    DayOfWeek fullCheckDay();

    /** Longer than any live transaction: one that wrote a counter before the snapshot but committed after it. */
    @WithDefault("10M")
    Duration margin();
}
