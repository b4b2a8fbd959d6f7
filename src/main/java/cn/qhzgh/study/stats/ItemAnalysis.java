package cn.qhzgh.study.stats;

import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.common.NativeRows;
import cn.qhzgh.study.org.Organization;
import cn.qhzgh.study.quiz.QuestionOption;
import cn.qhzgh.study.quiz.QuestionVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How each question performed in a subtree, from the item counters. */
@ApplicationScoped
class ItemAnalysis {

    /** Below this many answers an item is not judged. */
    static final int MIN_ASKED_TO_FLAG = 10;
    static final double TOO_HARD = 0.2;

    private final EntityManager entityManager;

    ItemAnalysis(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private record QuestionCounts(long questionId, long asked, long correct, String type, String moduleCode,
                                  int version) {
    }

    /** The most asked questions of the campaign's materials in the subtree (bank questions of no notice: all). */
    List<QuestionItem> items(Organization org, CampaignRef campaign, int limit) {
        List<QuestionCounts> counts = NativeRows.list(entityManager.createNativeQuery("""
                        SELECT c.question_id, SUM(c.asked), SUM(c.correct), q.type, q.module_code, q.current_version
                        FROM org_question_count c JOIN organization o ON o.id = c.org_id
                        JOIN question q ON q.id = c.question_id
                        WHERE o.path LIKE ?1 AND (q.notice_id IS NULL OR q.notice_id IN (?3))
                        GROUP BY c.question_id, q.type, q.module_code, q.current_version
                        ORDER BY SUM(c.asked) DESC, c.question_id LIMIT ?2""")
                        .setParameter(1, org.path + "%").setParameter(2, limit)
                        .setParameter(3, campaign.noticeIds().isEmpty() ? List.of(-1L) : campaign.noticeIds()),
                r -> new QuestionCounts(r.longAt(0), r.longOrZeroAt(1), r.longOrZeroAt(2), r.stringAt(3), r.stringAt(4), r.intAt(5)));
        if (counts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = counts.stream().map(QuestionCounts::questionId).toList();
        Map<String, Long> picks = new HashMap<>();
        NativeRows.list(entityManager.createNativeQuery("""
                        SELECT c.question_id, c.option_key, SUM(c.picks)
                        FROM org_option_count c JOIN organization o ON o.id = c.org_id
                        WHERE o.path LIKE ?1 AND c.question_id IN (?2) GROUP BY c.question_id, c.option_key""")
                        .setParameter(1, org.path + "%").setParameter(2, ids),
                r -> Map.entry(r.longAt(0) + ":" + r.stringAt(1), r.longOrZeroAt(2)))
                .forEach(pick -> picks.put(pick.getKey(), pick.getValue()));
        List<QuestionItem> items = new ArrayList<>();
        for (QuestionCounts row : counts) {
            long id = row.questionId();
            QuestionVersion version = QuestionVersion.find(id, row.version()).orElseThrow();
            long asked = row.asked();
            long correct = row.correct();
            List<QuestionItem.OptionPicks> options = version.options.stream().map(o -> option(id, o, version, asked, picks))
                    .toList();
            items.add(new QuestionItem(id, row.type(), version.stem, row.moduleCode(), asked, correct,
                    OrgFigures.ratio(correct, asked), options, flag(asked, correct, options)));
        }
        return items;
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
