package cn.qhzgh.study.quiz;

import cn.qhzgh.study.common.BlockingCache;
import cn.qhzgh.study.quiz.question.Question;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The approved questions a quiz may draw (a campaign's quiz those of its documents and of uploaded banks), cached
 * briefly (the "question-pools" cache): when an exam opens, thousands of starts share one read instead of each
 * scanning the question table.
 */
@ApplicationScoped
public class QuestionPool {

    /**
     * A drawable question at its current version, with what a draw needs to know about it, so that starting an
     * attempt reads nothing. {@code group} is shared by questions cut from one source sentence.
     */
    public record Candidate(long questionId, int version, String group, QuestionType type, List<String> optionKeys) {
    }

    private final EntityManager entityManager;
    private final BlockingCache<Long, List<Candidate>> byQuiz;

    public QuestionPool(EntityManager entityManager, @CacheName("question-pools") Cache byQuiz) {
        this.entityManager = entityManager;
        this.byQuiz = new BlockingCache<>(byQuiz);
    }

    public List<Candidate> candidates(Quiz quiz) {
        return byQuiz.get(quiz.id, id -> load(quiz));
    }

    public int count(Quiz quiz) {
        return load(quiz).size();
    }

    public void forget(long quizId) {
        byQuiz.invalidate(quizId);
    }

    private List<Candidate> load(Quiz quiz) {
        List<String> modules = new ArrayList<>(quiz.drawModuleCodes);
        if (quiz.kind == QuizKind.MODULE && quiz.moduleCode != null && !modules.contains(quiz.moduleCode)) {
            modules.add(quiz.moduleCode);
        }
        StringBuilder jpql = new StringBuilder("select q from Question q where q.status = :approved");
        // A campaign's quiz draws from its documents, a document's quiz from that document; both also from the banks.
        List<Long> notices = quiz.campaignId != null ? campaignNotices(quiz.campaignId)
                : quiz.noticeId != null ? List.of(quiz.noticeId) : List.of();
        if (quiz.campaignId != null || quiz.noticeId != null) {
            if (notices.isEmpty()) {
                return List.of();
            }
            jpql.append(" and (q.noticeId in :notices or q.noticeId is null)");
        }
        if (!modules.isEmpty()) {
            jpql.append(" and q.moduleCode in :modules");
        }
        if (!quiz.drawTypes.isEmpty()) {
            jpql.append(" and q.type in :types");
        }
        var query = entityManager.createQuery(jpql.append(" order by q.id").toString(), Question.class)
                .setParameter("approved", QuestionStatus.APPROVED);
        if (!notices.isEmpty()) {
            query.setParameter("notices", notices);
        }
        if (!modules.isEmpty()) {
            query.setParameter("modules", modules);
        }
        if (!quiz.drawTypes.isEmpty()) {
            query.setParameter("types", quiz.drawTypes.stream().map(QuestionType::valueOf).toList());
        }
        Set<String> tags = new HashSet<>(quiz.drawTags);
        List<Question> questions = query.getResultStream()
                .filter(q -> tags.isEmpty() || q.tags.stream().anyMatch(tags::contains))
                .toList();
        Map<Long, QuestionVersion> versions = currentVersions(questions.stream()
                .collect(Collectors.toMap(q -> q.id, q -> q.currentVersion)));
        return questions.stream()
                .map(q -> new Candidate(q.id, q.currentVersion, q.sourceGroup == null ? "q" + q.id : q.sourceGroup,
                        q.type, versions.get(q.id).options.stream().map(QuestionOption::key).toList()))
                .toList();
    }

    /** A campaign's quizzes draw from the questions of all its documents, read in the caller's transaction. */
    @SuppressWarnings("unchecked")
    private List<Long> campaignNotices(long campaignId) {
        return ((List<Number>) entityManager.createNativeQuery(
                        "SELECT notice_id FROM campaign_material WHERE campaign_id = ?1 ORDER BY position")
                .setParameter(1, campaignId).getResultList()).stream().map(Number::longValue).toList();
    }

    /** The given version of each question, in one query. */
    private static Map<Long, QuestionVersion> currentVersions(Map<Long, Integer> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return QuestionVersion.<QuestionVersion>list("questionId in ?1", List.copyOf(wanted.keySet())).stream()
                .filter(v -> wanted.get(v.questionId) == v.version)
                .collect(Collectors.toMap(v -> v.questionId, Function.identity()));
    }
}
