package cn.qhzgh.study.progress;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** How much claimed reading time is credited and how much completing a module needs (study.progress.credit.*). */
@ConfigMapping(prefix = "study.progress.credit")
public interface CreditSettings {

    /** A module is credited at most this multiple of its reading time (readingMinutes). */
    @DecimalMin("1.0")
    double moduleMultiple();

    /** Completing a module needs at least this fraction of its reading time credited. */
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double completionMinimumFraction();
}
