package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics against raw vectors: hand-worked examples, and random draws from a pool checked against the
 * {@link Textbook} computation.
 */
class ItemStatisticsTest {

    /** Five attempts of a fixed three-item test; the figures were worked out by hand below. */
    private static final int[][] FIXED = {
            {1, 1, 1},
            {1, 1, 0},
            {1, 0, 0},
            {0, 1, 0},
            {0, 0, 0}};

    @Test
    void handWorkedExampleOfTheFirstItem() {
        ItemStatistics.RestScores first = restScores(FIXED, 0);
        // x = 1 1 1 0 0, X = T − x = 2 1 0 1 0: C = 0.6 / 4 = 0.15, V(x) = 0.3, V(X) = 0.7.
        assertThat(ItemStatistics.facilityIndex(first.n(), first.right())).isEqualTo(60.0);
        assertThat(ItemStatistics.discriminationIndex(first)).isCloseTo(100 * 0.15 / Math.sqrt(0.3 * 0.7), within(1e-9))
                .isCloseTo(32.7327, within(1e-4));
        // Sorted and paired: x 0 0 1 1 1 with X 0 0 1 1 2 gives Cmax = 1.6 / 4 = 0.4.
        assertThat(ItemStatistics.discriminativeEfficiency(first)).isCloseTo(37.5, within(1e-9));
    }

    @Test
    void handWorkedInternalConsistency() {
        // V(x) per item 0.3, 0.3, 0.2; T = 3 2 1 1 0 has V(T) = 1.3; α = 3/2 × (1 − 0.8 / 1.3).
        ItemStatistics.TestScores test = testScores(FIXED);
        assertThat(ItemStatistics.internalConsistency(test)).isCloseTo(100 * 1.5 * (1 - 0.8 / 1.3), within(1e-9))
                .isCloseTo(57.6923, within(1e-4));
        assertThat(ItemStatistics.averageScore(test)).isCloseTo(100 * 1.4 / 3, within(1e-9));
        assertThat(ItemStatistics.scoreDeviation(test)).isCloseTo(100 * Math.sqrt(1.3) / 3, within(1e-9));
    }

    @Test
    void anItemTheWeakGetRightDiscriminatesNegatively() {
        int[][] wrongKey = {
                {0, 1, 1, 1},
                {0, 1, 1, 0},
                {1, 1, 0, 0},
                {1, 0, 0, 0},
                {1, 0, 0, 0}};
        ItemStatistics.RestScores item = restScores(wrongKey, 0);
        assertThat(ItemStatistics.discriminationIndex(item)).isNegative()
                .isCloseTo(naiveCorrelation(wrongKey, 0), within(1e-9));
        assertThat(ItemStatistics.discriminativeEfficiency(item)).isNegative()
                .isCloseTo(naiveEfficiency(wrongKey, 0), within(1e-9));
    }

    @Test
    void undefinedFiguresAreNull() {
        int[][] everyoneRight = {{1, 1}, {1, 0}, {1, 1}};
        ItemStatistics.RestScores easy = restScores(everyoneRight, 0);
        assertThat(ItemStatistics.facilityIndex(easy.n(), easy.right())).isEqualTo(100.0);
        assertThat(ItemStatistics.discriminationIndex(easy)).isNull();
        assertThat(ItemStatistics.discriminativeEfficiency(easy)).isNull();
        ItemStatistics.RestScores nobody = restScores(new int[][]{{0, 1}, {0, 0}}, 0);
        assertThat(ItemStatistics.discriminativeEfficiency(nobody)).isNull();
        ItemStatistics.RestScores once = restScores(new int[][]{{1, 0}}, 0);
        assertThat(ItemStatistics.discriminationIndex(once)).isNull();
        assertThat(ItemStatistics.facilityIndex(0, 0)).isNull();
        assertThat(ItemStatistics.internalConsistency(testScores(new int[][]{{1, 0}, {0, 1}}))).isNull();
        assertThat(ItemStatistics.internalConsistency(testScores(new int[][]{{1}, {0}}))).isNull();
        assertThat(ItemStatistics.internalConsistency(testScores(new int[][]{{1, 0}}))).isNull();
        assertThat(ItemStatistics.averageScore(testScores(new int[0][]))).isNull();
    }

    /**
     * Attempts draw 5 of a pool of 12 items at random, as the FINAL draws from its pool: every item's figures over the
     * attempts that drew it, and α over positions, equal the textbook computation on the raw marks.
     */
    @Test
    void randomDrawsFromAPoolMatchTheTextbookComputation() {
        Random random = new Random(20221115);
        for (int round = 0; round < 200; round++) {
            int pool = 12;
            int length = 5;
            int attempts = 2 + random.nextInt(60);
            List<int[]> drawn = new ArrayList<>();
            List<int[]> marks = new ArrayList<>();
            double[] difficulty = random.doubles(pool).toArray();
            for (int a = 0; a < attempts; a++) {
                List<Integer> items = new ArrayList<>();
                for (int i = 0; i < pool; i++) {
                    items.add(i);
                }
                java.util.Collections.shuffle(items, random);
                double ability = random.nextDouble();
                int[] draw = items.subList(0, length).stream().mapToInt(Integer::intValue).toArray();
                int[] mark = Arrays.stream(draw).map(i -> random.nextDouble() < (ability + 1 - difficulty[i]) / 2 ? 1 : 0)
                        .toArray();
                drawn.add(draw);
                marks.add(mark);
            }
            for (int item = 0; item < pool; item++) {
                List<int[]> pairs = markAndRest(drawn, marks, item);
                ItemStatistics.RestScores scores = histogram(pairs, length);
                assertThat(scores.n()).isEqualTo(pairs.size());
                assertSame(ItemStatistics.discriminationIndex(scores), Textbook.discrimination(pairs));
                assertSame(ItemStatistics.discriminativeEfficiency(scores), Textbook.efficiency(pairs));
            }
            int[][] byPosition = marks.toArray(new int[0][]);
            assertSame(ItemStatistics.internalConsistency(testScores(byPosition)), Textbook.cronbach(byPosition));
        }
    }

    private static void assertSame(Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-9));
        }
    }

    // ---- the raw data in the shapes the counters keep ----

    private static ItemStatistics.RestScores restScores(int[][] marks, int item) {
        return histogram(pairs(marks, item), marks[0].length);
    }

    private static ItemStatistics.RestScores histogram(List<int[]> markAndRest, int length) {
        long[] attempts = new long[length];
        long[] correct = new long[length];
        for (int[] pair : markAndRest) {
            attempts[pair[1]]++;
            correct[pair[1]] += pair[0];
        }
        return new ItemStatistics.RestScores(attempts, correct);
    }

    private static ItemStatistics.TestScores testScores(int[][] marks) {
        int positions = marks.length == 0 ? 0 : marks[0].length;
        long[] rightAt = new long[positions];
        long sum = 0;
        long squares = 0;
        for (int[] attempt : marks) {
            int t = 0;
            for (int i = 0; i < positions; i++) {
                rightAt[i] += attempt[i];
                t += attempt[i];
            }
            sum += t;
            squares += (long) t * t;
        }
        return new ItemStatistics.TestScores(marks.length, rightAt, sum, squares);
    }

    private static List<int[]> markAndRest(List<int[]> drawn, List<int[]> marks, int item) {
        List<int[]> pairs = new ArrayList<>();
        for (int a = 0; a < drawn.size(); a++) {
            int total = Arrays.stream(marks.get(a)).sum();
            for (int slot = 0; slot < drawn.get(a).length; slot++) {
                if (drawn.get(a)[slot] == item) {
                    pairs.add(new int[]{marks.get(a)[slot], total - marks.get(a)[slot]});
                }
            }
        }
        return pairs;
    }

    private static double naiveCorrelation(int[][] marks, int item) {
        return Textbook.discrimination(pairs(marks, item));
    }

    private static double naiveEfficiency(int[][] marks, int item) {
        return Textbook.efficiency(pairs(marks, item));
    }

    private static List<int[]> pairs(int[][] marks, int item) {
        List<int[]> pairs = new ArrayList<>();
        for (int[] attempt : marks) {
            pairs.add(new int[]{attempt[item], Arrays.stream(attempt).sum() - attempt[item]});
        }
        return pairs;
    }
}
