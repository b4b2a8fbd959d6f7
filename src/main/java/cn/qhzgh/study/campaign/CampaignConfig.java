package cn.qhzgh.study.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Campaign settings, defined once. */
@ConfigMapping(prefix = "study.campaign")
public interface CampaignConfig {

    /** The notice migration V13 made the published campaign 学习宣传贯彻党的二十大精神; the dev seed's first campaign. */
    String docNumber();

    /** How long a pod trusts its copy of the campaign directory before reading it again. */
    @WithDefault("5S")
    Duration directoryTtl();
}
