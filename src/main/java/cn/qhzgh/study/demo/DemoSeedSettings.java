package cn.qhzgh.study.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The dev seed (study.seed.*): on in dev mode only. */
@ConfigMapping(prefix = "study.seed")
public interface DemoSeedSettings {

    /** Seed the org tree, the notice and the demo workers' activity at start. */
    boolean enabled();

    /** How many days of study before now the activity covers. */
    @WithDefault("30")
    @Min(1)
    @Max(80)
    int activityDays();

    /** The random seed of the simulated activity: the same seed gives the same figures. */
    @WithDefault("20221115")
    long randomSeed();
}
