package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.common.BlockingCache;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionType;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The question versions that attempts ask, with their question's type, kept in memory: a version is never changed
 * once written and a question keeps its type, so starts and submissions need not read them each time (the
 * "asked-versions" cache, sized in application.properties, with no expiry).
 */
@ApplicationScoped
public class AskedVersions {

    /** What showing and grading one asked question needs. */
    public record Asked(QuestionType type, String stem, List<QuestionOption> options, List<String> answer,
                        String explanation) {
    }

    private record Key(long questionId, int version) {
    }

    private final EntityManager entityManager;
    private final BlockingCache<Key, Asked> asked;

    public AskedVersions(EntityManager entityManager, @CacheName("asked-versions") Cache asked) {
        this.entityManager = entityManager;
        this.asked = new BlockingCache<>(asked);
    }

    /** The asked version of each question of a draw, by question id. */
    Map<Long, Asked> of(List<DrawnQuestion> draw) {
        List<Key> keys = draw.stream().map(d -> new Key(d.questionId(), d.version())).toList();
        return asked.getAll(keys, this::load).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().questionId(), Map.Entry::getValue));
    }

    /** One query for all missing versions; a question's other versions are read and dropped. */
    private Map<Key, Asked> load(List<Key> missingKeys) {
        Set<Key> missing = Set.copyOf(missingKeys);
        List<Long> questionIds = missing.stream().map(Key::questionId).distinct().toList();
        Map<Key, Asked> loaded = new HashMap<>();
        entityManager.createQuery("""
                        select v, q.type from QuestionVersion v, Question q
                        where q.id = v.questionId and v.questionId in :ids""", Object[].class)
                .setParameter("ids", questionIds).getResultStream().forEach(row -> {
                    QuestionVersion v = (QuestionVersion) row[0];
                    Key key = new Key(v.questionId, v.version);
                    if (missing.contains(key)) {
                        loaded.put(key, new Asked((QuestionType) row[1], v.stem, List.copyOf(v.options),
                                List.copyOf(v.answer), v.explanation));
                    }
                });
        return loaded;
    }
}
