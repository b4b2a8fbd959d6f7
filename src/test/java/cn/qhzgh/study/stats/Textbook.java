package cn.qhzgh.study.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Item statistics computed the long way on raw marks (means, deviations, sorting), sharing no code with
 * {@link ItemStatistics}, so that tests can check the counters' figures against it. Percentages, null where undefined.
 */
final class Textbook {

    private Textbook() {
    }

    /** 100 × the correlation of the pairs {mark, rest of test}. */
    static Double discrimination(List<int[]> markAndRest) {
        int n = markAndRest.size();
        if (n < 2) {
            return null;
        }
        double meanX = markAndRest.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = markAndRest.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double cov = 0;
        double varX = 0;
        double varY = 0;
        for (int[] p : markAndRest) {
            cov += (p[0] - meanX) * (p[1] - meanY);
            varX += (p[0] - meanX) * (p[0] - meanX);
            varY += (p[1] - meanY) * (p[1] - meanY);
        }
        if (varX < 1e-12 || varY < 1e-12) {
            return null;
        }
        return 100 * exact(cov, n) / Math.sqrt(varX * varY);
    }

    /** 100 × the covariance of the pairs over the covariance of the two columns each sorted, then paired. */
    static Double efficiency(List<int[]> markAndRest) {
        int n = markAndRest.size();
        if (n < 2) {
            return null;
        }
        double[] x = markAndRest.stream().mapToDouble(p -> p[0]).sorted().toArray();
        double[] y = markAndRest.stream().mapToDouble(p -> p[1]).sorted().toArray();
        double meanX = Arrays.stream(x).average().orElseThrow();
        double meanY = Arrays.stream(y).average().orElseThrow();
        double cov = 0;
        double covMax = 0;
        for (int i = 0; i < n; i++) {
            cov += (markAndRest.get(i)[0] - meanX) * (markAndRest.get(i)[1] - meanY);
            covMax += (x[i] - meanX) * (y[i] - meanY);
        }
        return Math.abs(covMax) < 1e-12 ? null : 100 * exact(cov, n) / covMax;
    }

    /**
     * A sum of co-deviations of integer marks is a multiple of 1/n; rounding to it keeps a true zero from turning
     * into -1e-16, which would flip a flag the exact counters decide the other way.
     */
    private static double exact(double coDeviations, int n) {
        return Math.rint(coDeviations * n) / n;
    }

    /** 100 × the mean mark. */
    static Double facility(List<int[]> markAndRest) {
        return markAndRest.isEmpty() ? null : 100 * markAndRest.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    }

    /** Cronbach's α × 100 over attempts (rows) of positions (columns). */
    static Double cronbach(int[][] marks) {
        int n = marks.length;
        int p = n == 0 ? 0 : marks[0].length;
        if (n < 2 || p < 2) {
            return null;
        }
        double[] totals = Arrays.stream(marks).mapToDouble(a -> Arrays.stream(a).sum()).toArray();
        double totalVariance = variance(totals);
        if (totalVariance < 1e-12) {
            return null;
        }
        double itemVariances = 0;
        for (int i = 0; i < p; i++) {
            int position = i;
            itemVariances += variance(Arrays.stream(marks).mapToDouble(a -> a[position]).toArray());
        }
        return 100.0 * p / (p - 1) * (1 - itemVariances / totalVariance);
    }

    /** The mean score over attempts as a percentage of the positions. */
    static Double average(int[][] marks) {
        return marks.length == 0 ? null : 100 * Arrays.stream(marks).mapToDouble(a -> Arrays.stream(a).sum()).average()
                .orElseThrow() / marks[0].length;
    }

    /** The sample standard deviation of the score as a percentage of the positions. */
    static Double deviation(int[][] marks) {
        return marks.length < 2 ? null : 100 * Math.sqrt(variance(Arrays.stream(marks)
                .mapToDouble(a -> Arrays.stream(a).sum()).toArray())) / marks[0].length;
    }

    static double variance(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
