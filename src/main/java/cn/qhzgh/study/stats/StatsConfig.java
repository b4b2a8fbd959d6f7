package cn.qhzgh.study.stats;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;

/** Statistics settings (study.stats.*), defined once; the campaigns' time zone is campaign/CampaignCalendar. */
@ConfigMapping(prefix = "study.stats")
public interface StatsConfig {

    /**
     * False skips counter upkeep, for bulk backfills: dashboards then lag until the next reconciliation, which
     * rebuilds every counter from the records.
     */
    boolean liveCounters();

    /** When the nightly reconciliation runs; NightlyReconciliation's @Scheduled reads it by name, so it is declared here. */
    String reconcileCron();

    /** About how many workers a reconciliation batch of unions holds: what the heap holds of the sources at once. */
    int reconcileSliceWorkers();

    /**
     * How many batches a reconciliation reads at once, each on a connection of its own: one leaves the database
     * waiting on the service and the service on the database.
     */
    int reconcileLanes();

    /** How long one reconciliation's deployment-wide claim lasts unless renewed (it is, after every slice). */
    Duration reconcileLease();

    Check check();

    Export export();

    /** When the nightly counter check reads everything, and how far back it starts before the last verified snapshot. */
    interface Check {

        /** The night (Asia/Shanghai) of the weekly full check; other nights check only the unions that changed. */
        @WithDefault("SUNDAY")
        DayOfWeek fullCheckDay();

        /** Longer than any live transaction: one that wrote a counter before the snapshot but committed after it. */
        @WithDefault("10M")
        Duration margin();

        /**
         * Whether a change that makes existing records count elsewhere (a campaign published over documents already
         * read, its audience or materials changed, unions or workers moved) starts the check of the unions concerned
         * at once; false leaves it to the night.
         */
        @WithDefault("true")
        boolean recountAtOnce();
    }

    /** How many report exports stream at once on one pod, and when a refused client should try again. */
    interface Export {

        /** Each export holds a database connection and a worker thread for the whole download. */
        @WithDefault("2")
        int maxConcurrent();

        /** Sent as Retry-After with the 429; about as long as a large export takes. */
        @WithDefault("30S")
        Duration retryAfter();
    }
}
