package cn.qhzgh.study.quiz;

import cn.qhzgh.study.campaign.Campaign;
import cn.qhzgh.study.campaign.CampaignChanged;
import cn.qhzgh.study.content.ModuleSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The quizzes every imported notice gets: one MODULE quiz per subsection, one FINAL exam and one DAILY quiz.
 * Each is keyed, so a re-import finds rather than duplicates them. A campaign gets its own FINAL and DAILY quizzes,
 * drawing from all its materials, when it is published.
 */
@ApplicationScoped
public class QuizDefaults {

    static final int MODULE_QUESTIONS = 5;
    static final int FINAL_QUESTIONS = 20;
    static final int DAILY_QUESTIONS = 5;

    private final QuestionPool pool;

    public QuizDefaults(QuestionPool pool) {
        this.pool = pool;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int ensure(long noticeId, String docNumber, List<ModuleSnapshot> modules, Instant now) {
        int created = 0;
        for (ModuleSnapshot module : modules) {
            if (module.code().contains(".")) {
                created += ensure(noticeId + ":MODULE:" + module.code(), noticeId, now, quiz -> {
                    quiz.kind = QuizKind.MODULE;
                    quiz.moduleCode = module.code();
                    quiz.title = truncate("「" + module.code() + " " + module.title() + "」学习测验");
                    quiz.questionCount = MODULE_QUESTIONS;
                    quiz.passScore = 60;
                    quiz.timeLimitSeconds = 600;
                    quiz.maxAttempts = 3;
                });
            }
        }
        created += ensure(noticeId + ":FINAL", noticeId, now, quiz -> {
            quiz.kind = QuizKind.FINAL;
            quiz.title = truncate(docNumber + " 学习结业考试");
            quiz.questionCount = FINAL_QUESTIONS;
            quiz.passScore = 80;
            quiz.timeLimitSeconds = 1800;
            quiz.maxAttempts = 3;
        });
        created += ensure(noticeId + ":DAILY", noticeId, now, quiz -> {
            quiz.kind = QuizKind.DAILY;
            quiz.title = truncate("每日答题 · " + docNumber);
            quiz.questionCount = DAILY_QUESTIONS;
            quiz.passScore = 60;
            quiz.timeLimitSeconds = 300;
        });
        return created;
    }

    /**
     * In the transaction of the campaign edit: publishing gives the campaign its FINAL and DAILY quizzes, an edit
     * carries the pass score over to its FINAL, and new materials change what its quizzes draw from.
     */
    void onCampaignChanged(@Observes CampaignChanged change) {
        switch (change.kind()) {
            case PUBLISHED -> ensureForCampaign(change.campaignId());
            case EDITED -> Quiz.<Quiz>list("campaignId = ?1 and kind = ?2", change.campaignId(), QuizKind.FINAL)
                    .forEach(quiz -> {
                Campaign campaign = Campaign.findById(change.campaignId());
                if (quiz.passScore != campaign.finalPassScore) {
                    quiz.passScore = campaign.finalPassScore;
                    quiz.revision++;
                    quiz.updatedAt = campaign.updatedAt;
                }
            });
            case MATERIALS -> Quiz.<Quiz>list("campaignId", change.campaignId()).forEach(quiz -> pool.forget(quiz.id));
            default -> {
            }
        }
    }

    static String finalKey(long campaignId) {
        return "campaign:" + campaignId + ":FINAL";
    }

    static String dailyKey(long campaignId) {
        return "campaign:" + campaignId + ":DAILY";
    }

    /** A campaign V13 or the founding import made from a notice keeps that notice's FINAL and DAILY instead. */
    private void ensureForCampaign(long campaignId) {
        Campaign campaign = Campaign.findById(campaignId);
        Instant now = campaign.updatedAt;
        if (Quiz.count("campaignId = ?1 and kind = ?2", campaignId, QuizKind.FINAL) == 0) {
            ensureFinal(campaign, now);
        }
        if (Quiz.count("campaignId = ?1 and kind = ?2", campaignId, QuizKind.DAILY) == 0) {
            ensureDaily(campaign, now);
        }
    }

    private void ensureFinal(Campaign campaign, Instant now) {
        long campaignId = campaign.id;
        ensure(finalKey(campaignId), null, now, quiz -> {
            quiz.kind = QuizKind.FINAL;
            quiz.campaignId = campaignId;
            quiz.title = truncate(campaign.title + " 学习结业考试");
            quiz.questionCount = FINAL_QUESTIONS;
            quiz.passScore = campaign.finalPassScore;
            quiz.timeLimitSeconds = 1800;
            quiz.maxAttempts = 3;
        });
    }

    private void ensureDaily(Campaign campaign, Instant now) {
        long campaignId = campaign.id;
        ensure(dailyKey(campaignId), null, now, quiz -> {
            quiz.kind = QuizKind.DAILY;
            quiz.campaignId = campaignId;
            quiz.title = truncate("每日答题 · " + campaign.title);
            quiz.questionCount = DAILY_QUESTIONS;
            quiz.passScore = 60;
            quiz.timeLimitSeconds = 300;
        });
    }

    private int ensure(String key, Long noticeId, Instant now, Consumer<Quiz> shape) {
        if (Quiz.count("defaultKey", key) > 0) {
            return 0;
        }
        Quiz quiz = new Quiz();
        quiz.defaultKey = key;
        quiz.noticeId = noticeId;
        quiz.drawModuleCodes = List.of();
        quiz.drawTypes = List.of();
        quiz.drawTags = List.of();
        quiz.shuffleQuestions = true;
        quiz.shuffleOptions = true;
        quiz.active = true;
        quiz.revision = 1;
        quiz.createdAt = now;
        quiz.updatedAt = now;
        shape.accept(quiz);
        int available = pool.count(quiz);
        if (available == 0 && quiz.kind == QuizKind.MODULE) {
            // A module quiz nobody could pass would keep its module, and every campaign with it, from completing.
            return 0;
        }
        quiz.questionCount = Math.max(1, Math.min(quiz.questionCount, available));
        quiz.persist();
        return 1;
    }

    private static String truncate(String title) {
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }
}
