package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.common.PageResult;
import cn.qhzgh.study.quiz.question.Question;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of questions joined with their current version. */
@ApplicationScoped
public class QuestionQueries {

    private final EntityManager entityManager;

    public QuestionQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public PageResult<QuestionView> list(QuestionFilter filter, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (filter.source() != null) {
            where.append(" and q.source = :source");
            params.put("source", filter.source());
        }
        if (filter.moduleCode() != null && !filter.moduleCode().isBlank()) {
            where.append(" and q.moduleCode = :moduleCode");
            params.put("moduleCode", filter.moduleCode());
        }
        if (filter.type() != null) {
            where.append(" and q.type = :type");
            params.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.append(" and q.status = :status");
            params.put("status", filter.status());
        }
        TypedQuery<Object[]> rows = entityManager.createQuery("select q, v from Question q, QuestionVersion v "
                + "where v.questionId = q.id and v.version = q.currentVersion and " + where + " order by q.id",
                Object[].class);
        TypedQuery<Long> count = entityManager.createQuery("select count(q) from Question q where " + where, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<QuestionView> items = rows.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(row -> QuestionView.of((Question) row[0], (QuestionVersion) row[1]))
                .toList();
        return new PageResult<>(items, count.getSingleResult(), page, size);
    }

    @Transactional
    public QuestionView get(long id) {
        Question question = Question.<Question>findByIdOptional(id).orElseThrow(() -> notFound(id));
        return QuestionView.of(question, QuestionVersion.find(question.id, question.currentVersion).orElseThrow());
    }

    static DomainException notFound(long id) {
        return DomainException.notFound("question-not-found", "No question has the id " + id + ".");
    }
}
