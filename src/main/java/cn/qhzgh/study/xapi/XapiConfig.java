package cn.qhzgh.study.xapi;

import io.smallrye.config.ConfigMapping;

/** xAPI export settings (study.xapi.*). */
@ConfigMapping(prefix = "study.xapi")
public interface XapiConfig {

    /** The home page of actor accounts and the base of activity ids in exported statements. */
    String homePage();
}
