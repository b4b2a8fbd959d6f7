package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.Organization;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campaign's FINAL over an org's subtree, from first attempts: each question it drew (per rest-of-test score)
 * and each position of the exam, read from the org's own subtree rows for the FINAL's current length.
 */
@ApplicationScoped
class FinalExamAnalysis {

    /** The exam's figures and each question's, by question id. */
    record Exam(FinalExamFigures figures, Map<Long, ItemFigures> items) {

        ItemFigures item(long questionId) {
            return items.getOrDefault(questionId, noFirstAttempts());
        }
    }

    private record FinalQuiz(long id, String title, int length) {
    }

    /** First attempts that drew a question with this rest-of-test score, and how many of them got it right. */
    private record ItemRow(long question, long restScore, long attempts, long right) {
    }

    /** First attempts at a position of the exam, and how many of them got that position's question right. */
    private record PositionRow(long position, long attempts, long right) {
    }

    private final EntityManager entityManager;

    FinalExamAnalysis(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    static ItemFigures noFirstAttempts() {
        return new ItemFigures(0, null, null, null, List.of());
    }

    /** Empty when the campaign has no FINAL. */
    Optional<Exam> of(Organization org, CampaignRef campaign) {
        Optional<FinalQuiz> found = NativeRows.list(entityManager.createNativeQuery(
                        "SELECT id, title, question_count FROM quiz WHERE campaign_id = ?1 AND kind = 'FINAL' ORDER BY id")
                        .setParameter(1, campaign.id()).setMaxResults(1),
                r -> new FinalQuiz(r.longAt(0), r.stringAt(1), r.intAt(2))).stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        FinalQuiz quiz = found.get();
        List<ItemRow> items = NativeRows.list(rows("SELECT question_id, rest_score, attempts, correct FROM "
                        + "subtree_item_count", org, quiz),
                r -> new ItemRow(r.longAt(0), r.longAt(1), r.longAt(2), r.longAt(3)));
        List<PositionRow> positions = NativeRows.list(rows("SELECT position, attempts, correct FROM "
                        + "subtree_position_count", org, quiz),
                r -> new PositionRow(r.longAt(0), r.longAt(1), r.longAt(2)));
        return Optional.of(new Exam(exam(quiz, items, positions), questions(quiz, items)));
    }

    /** The org's own subtree rows of the FINAL at its current length. */
    private Query rows(String select, Organization org, FinalQuiz quiz) {
        return entityManager.createNativeQuery(select + " WHERE org_id = ?1 AND quiz_id = ?2 AND test_length = ?3")
                .setParameter(1, org.id).setParameter(2, quiz.id()).setParameter(3, quiz.length());
    }

    private static Map<Long, ItemFigures> questions(FinalQuiz quiz, List<ItemRow> items) {
        Map<Long, ItemStatistics.RestScores> byQuestion = new HashMap<>();
        for (ItemRow row : items) {
            ItemStatistics.RestScores scores = byQuestion.computeIfAbsent(row.question(), q ->
                    new ItemStatistics.RestScores(new long[quiz.length()], new long[quiz.length()]));
            scores.attempts()[inExam(row.restScore(), quiz)] += row.attempts();
            scores.correct()[inExam(row.restScore(), quiz)] += row.right();
        }
        Map<Long, ItemFigures> figures = new HashMap<>();
        byQuestion.forEach((question, scores) -> {
            long n = scores.n();
            Double facility = ItemStatistics.facilityIndex(n, scores.right());
            Double discrimination = ItemStatistics.discriminationIndex(scores);
            Double efficiency = ItemStatistics.discriminativeEfficiency(scores);
            figures.put(question, new ItemFigures(n, percent(facility), percent(discrimination), percent(efficiency),
                    ItemFlags.ofItem(n, facility, discrimination, efficiency)));
        });
        return figures;
    }

    private static FinalExamFigures exam(FinalQuiz quiz, List<ItemRow> items, List<PositionRow> positions) {
        long[] rightAt = new long[quiz.length()];
        long attempts = 0;
        long scoreSum = 0;
        for (PositionRow position : positions) {
            rightAt[inExam(position.position(), quiz)] = position.right();
            attempts = Math.max(attempts, position.attempts());
            scoreSum += position.right();
        }
        // Σ T² = Σ over the attempts' right answers of their attempt's score T, which is rest + 1 for a right answer.
        long scoreSquareSum = items.stream().mapToLong(row -> row.right() * (row.restScore() + 1)).sum();
        ItemStatistics.TestScores test = new ItemStatistics.TestScores(attempts, rightAt, scoreSum, scoreSquareSum);
        Double consistency = ItemStatistics.internalConsistency(test);
        return new FinalExamFigures(quiz.id(), quiz.title(), quiz.length(), attempts,
                percent(ItemStatistics.averageScore(test)), percent(ItemStatistics.scoreDeviation(test)),
                percent(consistency), ItemFlags.ofExam(attempts, consistency));
    }

    /** A position or rest score of an exam of this length; anything else is a corrupted counter row. */
    private static int inExam(long index, FinalQuiz quiz) {
        if (index < 0 || index >= quiz.length()) {
            throw new IllegalStateException("an item counter of quiz " + quiz.id() + " lies outside its "
                    + quiz.length() + " questions: " + index);
        }
        return (int) index;
    }

    /** Two decimals, as Moodle's report shows them. */
    private static Double percent(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
