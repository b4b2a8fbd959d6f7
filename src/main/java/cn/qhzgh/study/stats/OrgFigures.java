package cn.qhzgh.study.stats;

import cn.qhzgh.study.org.OrgType;

/**
 * Figures of one union's whole subtree. Rates are 0–1: completionRate = completed / workers,
 * passRate = finalPassed / finalAttempted, averageBestFinalScore averages each taker's best FINAL score.
 */
public record OrgFigures(String code, String name, OrgType type, long workers, long started, long completed,
                         double completionRate, Double averageBestFinalScore, long finalAttempted, long finalPassed,
                         double passRate, long secondsSpentTotal) {

    static OrgFigures of(String code, String name, OrgType type, Object[] sums) {
        long workers = number(sums[0]);
        long completed = number(sums[2]);
        long attempted = number(sums[4]);
        long passed = number(sums[6]);
        return new OrgFigures(code, name, type, workers, number(sums[1]), completed, ratio(completed, workers),
                attempted == 0 ? null : round(number(sums[5]) / (double) attempted), attempted, passed,
                ratio(passed, attempted), number(sums[3]));
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : round(part / (double) whole);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
