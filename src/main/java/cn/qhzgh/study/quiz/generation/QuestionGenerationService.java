package cn.qhzgh.study.quiz.generation;

import cn.qhzgh.study.content.GenerationReport;
import cn.qhzgh.study.content.ModuleSnapshot;
import cn.qhzgh.study.quiz.QuizConfig;
import cn.qhzgh.study.quiz.question.Question;
import cn.qhzgh.study.quiz.question.QuestionDraft;
import cn.qhzgh.study.quiz.question.QuestionFingerprint;
import cn.qhzgh.study.quiz.question.QuestionSource;
import cn.qhzgh.study.quiz.question.QuestionStatus;
import cn.qhzgh.study.quiz.question.QuestionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-derives key phrases and generated questions of a notice after its text changed. Questions keep their
 * ids across imports (matched by fingerprint); ones the new text no longer yields are retired, never deleted.
 */
@ApplicationScoped
public class QuestionGenerationService {

    private final KeyPhraseExtractor extractor = new KeyPhraseExtractor();
    private final QuestionGenerator generator = new QuestionGenerator();
    private final QuestionStore store;
    private final long seed;

    public QuestionGenerationService(QuestionStore store, QuizConfig config) {
        this.store = store;
        this.seed = config.generationSeed();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public GenerationReport regenerate(long noticeId, List<ModuleSnapshot> modules, String actor, Instant now) {
        List<SourceModule> sources = modules.stream()
                .map(m -> new SourceModule(m.code(), m.title(), m.paragraphs())).toList();
        List<KeyPhrase> phrases = extractor.extract(sources);
        storePhrases(modules, phrases);
        GenerationResult result = generator.generate(sources, phrases, seed);

        Map<String, Question> existing = Question.<Question>list("noticeId = ?1 and source = ?2", noticeId,
                QuestionSource.GENERATED).stream().collect(Collectors.toMap(q -> q.fingerprint, Function.identity()));
        int created = 0;
        int kept = 0;
        for (QuestionDraft draft : result.approved()) {
            String fingerprint = QuestionFingerprint.of(draft.type(), draft.stem(), draft.options());
            if (existing.remove(fingerprint) != null) {
                kept++;
            } else {
                store.create(draft, QuestionSource.GENERATED, null, noticeId, actor, now);
                created++;
            }
        }
        int retired = 0;
        for (Question gone : existing.values()) {
            if (gone.status != QuestionStatus.RETIRED) {
                gone.status = QuestionStatus.RETIRED;
                gone.updatedAt = now;
                retired++;
            }
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (Rejection rejection : result.rejected()) {
            reasons.merge(reasonCode(rejection.reason()), 1, Integer::sum);
        }
        return new GenerationReport(phrases.size(), result.approved().size() + result.rejected().size(),
                result.approved().size(), result.rejected().size(), reasons,
                created, kept, retired);
    }

    /** Phrases belong to a module version; versions that already have theirs are left alone. */
    private static void storePhrases(List<ModuleSnapshot> modules, List<KeyPhrase> phrases) {
        Map<String, ModuleSnapshot> byCode = new HashMap<>();
        modules.forEach(m -> byCode.put(m.code(), m));
        Map<String, Boolean> needed = new HashMap<>();
        for (KeyPhrase phrase : phrases) {
            ModuleSnapshot module = byCode.get(phrase.moduleCode());
            boolean store = needed.computeIfAbsent(phrase.moduleCode(),
                    code -> !StoredKeyPhrase.existsFor(module.moduleId(), module.version()));
            if (store) {
                StoredKeyPhrase stored = new StoredKeyPhrase();
                stored.moduleId = module.moduleId();
                stored.moduleVersion = module.version();
                stored.kind = phrase.kind().name();
                stored.text = phrase.text();
                stored.sentence = phrase.sentence();
                stored.paragraphIndex = phrase.paragraphIndex();
                stored.startOffset = phrase.start();
                stored.endOffset = phrase.end();
                stored.occurrences = phrase.occurrences();
                stored.numberValue = phrase.number();
                stored.counter = phrase.counter();
                stored.items = phrase.items();
                stored.persist();
            }
        }
    }

    private static String reasonCode(String reason) {
        int colon = reason.indexOf(':');
        return colon > 0 ? reason.substring(0, colon) : reason;
    }
}
