package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.quiz.question.QuestionOption;
import cn.qhzgh.study.quiz.question.QuestionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each question performed in a subtree, and the campaign's FINAL as a whole, from the org's subtree totals:
 * a few hundred rows of the org itself, however many unions lie below it.
 */
@ApplicationScoped
class ItemAnalysis {

    /** Below this many answers an item is not judged. */
    static final int MIN_ASKED_TO_FLAG = 10;
    static final double TOO_HARD = 0.2;

    private final EntityManager entityManager;
    private final FinalExamAnalysis finalExams;

    ItemAnalysis(EntityManager entityManager, FinalExamAnalysis finalExams) {
        this.entityManager = entityManager;
        this.finalExams = finalExams;
    }

    private record QuestionCounts(long questionId, long asked, long correct, String type, String moduleCode,
                                  int version) {
    }

    /** The most asked questions of the campaign's materials in the subtree (bank questions of no notice: all). */
    QuestionAnalysis analyse(Organization org, CampaignRef campaign, int limit) {
        Optional<FinalExamAnalysis.Exam> exam = finalExams.of(org, campaign);
        List<QuestionCounts> counts = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT c.question_id, c.asked, c.correct, q.type, q.module_code, q.current_version
                        FROM subtree_question_count c JOIN question q ON q.id = c.question_id
                        WHERE c.org_id = ?1 AND (q.notice_id IS NULL OR q.notice_id IN (?3))
                        ORDER BY c.asked DESC, c.question_id LIMIT ?2""")
                        .setParameter(1, org.id).setParameter(2, limit)
                        .setParameter(3, campaign.noticeIds().isEmpty() ? List.of(-1L) : campaign.noticeIds()),
                r -> new QuestionCounts(r.longAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2), r.stringAt(3), r.stringAt(4), r.intAt(5)));
        List<QuestionItem> items = new ArrayList<>();
        Map<String, Long> picks = counts.isEmpty() ? Map.of() : picks(org, counts);
        Map<Long, QuestionVersion> versions = counts.isEmpty() ? Map.of() : currentVersions(counts);
        for (QuestionCounts row : counts) {
            long id = row.questionId();
            QuestionVersion version = versions.get(id);
            long asked = row.asked();
            long correct = row.correct();
            List<QuestionItem.OptionPicks> options = version.options.stream().map(o -> option(id, o, version, asked, picks))
                    .toList();
            ItemFigures figures = exam.map(e -> e.item(id)).orElseGet(FinalExamAnalysis::noFirstAttempts);
            items.add(new QuestionItem(id, row.type(), version.stem, row.moduleCode(), asked, correct,
                    OrgFigures.ratio(correct, asked), options, flag(asked, correct, options), figures));
        }
        return new QuestionAnalysis(campaign.id(), campaign.title(), exam.map(FinalExamAnalysis.Exam::figures).orElse(null),
                items, Instant.now());
    }

    private Map<String, Long> picks(Organization org, List<QuestionCounts> counts) {
        Map<String, Long> picks = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT question_id, option_key, picks FROM subtree_option_count
                        WHERE org_id = ?1 AND question_id IN (?2)""")
                        .setParameter(1, org.id).setParameter(2, counts.stream().map(QuestionCounts::questionId).toList()),
                r -> Map.entry(r.longAt(0) + ":" + r.stringAt(1), r.longOrZeroAt(2)))
                .forEach(pick -> picks.put(pick.getKey(), pick.getValue()));
        return picks;
    }

    /** The current version of every listed question, in one query rather than one per question. */
    private static Map<Long, QuestionVersion> currentVersions(List<QuestionCounts> counts) {
        Map<Long, Integer> current = new HashMap<>();
        counts.forEach(row -> current.put(row.questionId(), row.version()));
        Map<Long, QuestionVersion> versions = new HashMap<>();
        QuestionVersion.<QuestionVersion>list("questionId in ?1", List.copyOf(current.keySet())).stream()
                .filter(v -> current.get(v.questionId) == v.version).forEach(v -> versions.put(v.questionId, v));
        return versions;
    }

    private static QuestionItem.OptionPicks option(long questionId, QuestionOption option, QuestionVersion version,
                                                   long asked, Map<String, Long> picks) {
        long picked = picks.getOrDefault(questionId + ":" + option.key(), 0L);
        return new QuestionItem.OptionPicks(option.key(), option.text(), version.answer.contains(option.key()), picked,
                OrgFigures.ratio(picked, asked));
    }

    private static String flag(long asked, long correct, List<QuestionItem.OptionPicks> options) {
        if (asked < MIN_ASKED_TO_FLAG) {
            return null;
        }
        if (correct < TOO_HARD * asked) {
            return "NEARLY_EVERYONE_WRONG";
        }
        long bestKey = options.stream().filter(QuestionItem.OptionPicks::isKey)
                .mapToLong(QuestionItem.OptionPicks::picks).max().orElse(0);
        boolean distractorWins = options.stream().anyMatch(o -> !o.isKey() && o.picks() > bestKey);
        return distractorWins ? "DISTRACTOR_BEATS_KEY" : null;
    }
}
