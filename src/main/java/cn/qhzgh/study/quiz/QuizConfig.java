package cn.qhzgh.study.quiz;

import io.smallrye.config.ConfigMapping;

/** Quiz settings (study.quiz.*), defined once. */
@ConfigMapping(prefix = "study.quiz")
public interface QuizConfig {

    /** Quiz starts plus submissions one worker may make per minute, counted per pod. */
    int rateLimitPerMinute();

    /** Seed of question generation: fixed, so that re-importing a notice regenerates the same questions. */
    long generationSeed();
}
