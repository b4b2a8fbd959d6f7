package cn.qhzgh.study.content;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/** Content settings (study.content.*). */
@ConfigMapping(prefix = "study.content")
public interface ContentConfig {

    /** Characters per minute a careful reader covers: drives readingMinutes and where long modules are split. */
    @Min(1)
    int readingCharsPerMinute();

    /**
     * How long a pod serves module text, reading lists and module references from memory; the three module caches'
     * TTLs in application.properties refer to it, so it is declared (and checked) here.
     */
    Duration cacheTtl();
}
