package cn.qhzgh.study.common;

import java.util.Map;

/**
 * One feature's example problem bodies for the contract: the errors its own operations send. A feature implements it
 * once and names the class in {@code META-INF/services/cn.qhzgh.study.common.ProblemExampleSource}; the contract's
 * filter runs at build time, before any CDI bean exists, so it finds the sources with the JDK's ServiceLoader and
 * common knows no feature's paths. Build bodies with {@link ProblemExamples}' helpers.
 */
public interface ProblemExampleSource {

    /**
     * The example for an error {@code status} of the operation at {@code path}, or null when the path is not this
     * feature's or no single body is typical; {@code instance} is the path with sample parameters filled in. At most
     * one source answers for any path and status (ProblemExamplesTest).
     */
    Map<String, Object> example(String status, String path, String instance);
}
