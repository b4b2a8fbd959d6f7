package cn.qhzgh.study.stats;

/**
 * Classical item statistics as Moodle's quiz statistics report defines them (Moodle Docs, "Quiz statistics
 * calculations"), for tests whose items score 0 or 1 (all or nothing) and whose test score T is the number of items
 * right. Every figure is a percentage, or null where its definition divides by zero. Sums are kept in longs and
 * multiplied out so that a zero variance is exactly zero, never a rounding residue.
 */
final class ItemStatistics {

    private ItemStatistics() {
    }

    /**
     * What the first attempts that drew one item tell about it: at index r, how many attempts scored r on the rest of
     * the test (T − x, the other items right) and how many of those got this item right.
     */
    record RestScores(long[] attempts, long[] correct) {

        RestScores {
            if (attempts.length != correct.length) {
                throw new IllegalArgumentException("one count of right answers per rest score");
            }
        }

        long n() {
            long n = 0;
            for (long a : attempts) {
                n += a;
            }
            return n;
        }

        long right() {
            long k = 0;
            for (long c : correct) {
                k += c;
            }
            return k;
        }

        /** Σ X over the attempts, X the rest-of-test score. */
        long restSum() {
            long sum = 0;
            for (int r = 0; r < attempts.length; r++) {
                sum += r * attempts[r];
            }
            return sum;
        }
    }

    /** Facility index F = 100 × mean mark / maximum mark: the percentage of attempts that got the item right. */
    static Double facilityIndex(long attempts, long right) {
        return attempts == 0 ? null : 100.0 * right / attempts;
    }

    /**
     * Discrimination index D = 100 × r(x, X): the correlation between the item's mark x and the rest of the test X over
     * the attempts that drew the item. Null with fewer than two attempts or when either mark never varies.
     */
    static Double discriminationIndex(RestScores item) {
        long n = item.n();
        long k = item.right();
        long restSum = item.restSum();
        long restSquares = 0;
        long crossSum = 0;
        for (int r = 0; r < item.attempts().length; r++) {
            restSquares += (long) r * r * item.attempts()[r];
            crossSum += r * item.correct()[r];
        }
        // Each moment times n(n − 1), so the common factor cancels in the ratio.
        long itemVariance = n * k - k * k;
        long restVariance = n * restSquares - restSum * restSum;
        if (n < 2 || itemVariance == 0 || restVariance == 0) {
            return null;
        }
        return 100.0 * (n * crossSum - k * restSum) / Math.sqrt((double) itemVariance * restVariance);
    }

    /**
     * Discriminative efficiency DE = 100 × C(x, X) / Cmax(x, X), where Cmax is the largest covariance the two
     * distributions allow: x and X each sorted and paired in order. With 0/1 marks that pairing gives the k right
     * answers to the k highest rest scores. Null with fewer than two attempts or when Cmax is zero.
     */
    static Double discriminativeEfficiency(RestScores item) {
        long n = item.n();
        long k = item.right();
        long restSum = item.restSum();
        long crossSum = 0;
        for (int r = 0; r < item.attempts().length; r++) {
            crossSum += r * item.correct()[r];
        }
        long highestRestSum = 0;
        long toPair = k;
        for (int r = item.attempts().length - 1; r >= 0 && toPair > 0; r--) {
            long paired = Math.min(toPair, item.attempts()[r]);
            highestRestSum += r * paired;
            toPair -= paired;
        }
        long maxCovariance = n * highestRestSum - k * restSum;
        if (n < 2 || maxCovariance == 0) {
            return null;
        }
        return 100.0 * (n * crossSum - k * restSum) / maxCovariance;
    }

    /**
     * The test as a whole over n attempts of P positions: at position i, {@code rightAt[i]} attempts were right;
     * {@code scoreSum} is Σ T and {@code scoreSquareSum} Σ T².
     */
    record TestScores(long attempts, long[] rightAt, long scoreSum, long scoreSquareSum) {

        int positions() {
            return rightAt.length;
        }

        /** Sample variance of T (n − 1 in the denominator); null below two attempts. */
        Double scoreVariance() {
            if (attempts < 2) {
                return null;
            }
            return (double) (attempts * scoreSquareSum - scoreSum * scoreSum) / ((double) attempts * (attempts - 1));
        }
    }

    /** The average test score as a percentage of the P marks. */
    static Double averageScore(TestScores test) {
        return test.attempts() == 0 || test.positions() == 0 ? null
                : 100.0 * test.scoreSum() / ((double) test.attempts() * test.positions());
    }

    /** The sample standard deviation of the test score as a percentage of the P marks. */
    static Double scoreDeviation(TestScores test) {
        Double variance = test.scoreVariance();
        return variance == null || test.positions() == 0 ? null : 100.0 * Math.sqrt(variance) / test.positions();
    }

    /**
     * Coefficient of internal consistency (Cronbach's α) CIC = 100 × P/(P − 1) × (1 − Σ V(x_i) / V(T)), the sum over
     * the P positions of the test with each position's sample variance. Null below two positions or two attempts,
     * or when the test score never varies.
     */
    static Double internalConsistency(TestScores test) {
        long n = test.attempts();
        int p = test.positions();
        Double scoreVariance = test.scoreVariance();
        if (p < 2 || scoreVariance == null || scoreVariance == 0) {
            return null;
        }
        double positionVariances = 0;
        for (long right : test.rightAt()) {
            positionVariances += (double) (n * right - right * right) / ((double) n * (n - 1));
        }
        return 100.0 * p / (p - 1) * (1 - positionVariances / scoreVariance);
    }
}
