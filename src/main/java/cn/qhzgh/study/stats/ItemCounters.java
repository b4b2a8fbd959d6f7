package cn.qhzgh.study.stats;

import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.quiz.attempt.AttemptScored;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * The item counters of a submitted attempt, in its transaction: answers and picks of every attempt, and the
 * answers of a worker's first attempt at a campaign's FINAL. Each row is added for the worker's union (org_*) and,
 * summed over subtrees, for the union and each of its ancestors (subtree_*); {@link StatsCounters#flush()} writes
 * them all in lock order.
 */
@ApplicationScoped
class ItemCounters {

    private final EntityManager entityManager;
    private final CounterDeltas deltas;
    private final StatsCounters counters;

    ItemCounters(EntityManager entityManager, CounterDeltas deltas, StatsCounters counters) {
        this.entityManager = entityManager;
        this.deltas = deltas;
        this.counters = counters;
    }

    void onAttempt(@Observes AttemptScored scored) {
        if (!counters.live()) {
            return;
        }
        long union = scored.orgId();
        List<Long> subtrees = CounterRules.orgsOnPath((String) entityManager.createNativeQuery(
                "SELECT path FROM organization WHERE id = ?1").setParameter(1, union).getSingleResult());
        for (AttemptScored.AnsweredQuestion answer : scored.answers()) {
            add(SharedCounter.QUESTION, union, subtrees, List.of(answer.questionId()), 1, answer.correct() ? 1 : 0);
            answer.picked().forEach(key ->
                    add(SharedCounter.OPTION, union, subtrees, List.of(answer.questionId(), key), 1));
        }
        if (scored.kind() == QuizKind.FINAL && scored.campaignId() != null && !scored.late() && isFirst(scored)) {
            firstAttempt(scored, union, subtrees);
        }
    }

    /**
     * Attempts at one quiz follow each other (a new one starts only once the last is submitted or given up), so the
     * attempt being submitted is the worker's first exactly when the worker has no other.
     */
    private boolean isFirst(AttemptScored scored) {
        return ((Number) entityManager.createNativeQuery(
                        "SELECT COUNT(*) FROM quiz_attempt WHERE worker_id = ?1 AND quiz_id = ?2 AND id <> ?3")
                .setParameter(1, scored.workerId()).setParameter(2, scored.quizId()).setParameter(3, scored.attemptId())
                .getSingleResult()).longValue() == 0;
    }

    /** Per question and rest-of-test score (the other questions right), and per position asked. */
    private void firstAttempt(AttemptScored scored, long union, List<Long> subtrees) {
        List<AttemptScored.AnsweredQuestion> answers = scored.answers();
        long length = answers.size();
        long score = answers.stream().filter(AttemptScored.AnsweredQuestion::correct).count();
        for (int position = 0; position < answers.size(); position++) {
            AttemptScored.AnsweredQuestion answer = answers.get(position);
            long right = answer.correct() ? 1 : 0;
            add(SharedCounter.ITEM, union, subtrees, List.of(scored.quizId(), length, answer.questionId(), score - right),
                    1, right);
            add(SharedCounter.POSITION, union, subtrees, List.of(scored.quizId(), length, (long) position), 1, right);
        }
    }

    /** The row {@code key} (without org_id) of the union's own table, and of the subtree table for every org on the path. */
    @SuppressWarnings("rawtypes")
    private void add(SharedCounter own, long union, List<Long> subtrees, List<? extends Comparable> key, long... values) {
        deltas.add(own, withOrg(union, key), values);
        SharedCounter totals = own.subtree().orElseThrow();
        subtrees.forEach(org -> deltas.add(totals, withOrg(org, key), values));
    }

    @SuppressWarnings("rawtypes")
    private static List<Comparable> withOrg(long org, List<? extends Comparable> key) {
        List<Comparable> row = new ArrayList<>(key.size() + 1);
        row.add(org);
        row.addAll(key);
        return row;
    }
}
