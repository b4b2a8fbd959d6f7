package cn.qhzgh.study.campaign;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Campaign settings, defined once; the campaigns' time zone is {@link CampaignCalendar}. */
@ConfigMapping(prefix = "study.campaign")
public interface CampaignConfig {

    /** The notice migration V13 made the published campaign 学习宣传贯彻党的二十大精神; the dev seed's first campaign. */
    String docNumber();

    /**
     * How long a pod trusts its copy of the campaign directory; the "campaign-directory" cache's TTL in
     * application.properties refers to it, so it is declared (and checked) here.
     */
    Duration directoryTtl();
}
