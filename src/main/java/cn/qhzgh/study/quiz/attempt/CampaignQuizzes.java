package cn.qhzgh.study.quiz.attempt;

import cn.qhzgh.study.campaign.CampaignDirectory;
import cn.qhzgh.study.campaign.CampaignRef;
import cn.qhzgh.study.campaign.CampaignStatus;
import cn.qhzgh.study.common.DomainException;
import cn.qhzgh.study.quiz.Quiz;
import cn.qhzgh.study.quiz.QuizKind;
import cn.qhzgh.study.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** Which quizzes a campaign offers a worker, and whether a campaign's own quiz may be started now. */
@ApplicationScoped
class CampaignQuizzes {

    private final CampaignDirectory campaigns;

    CampaignQuizzes(CampaignDirectory campaigns) {
        this.campaigns = campaigns;
    }

    /** Its own FINAL and DAILY, the MODULE quizzes of its documents, and quizzes of no campaign or document. */
    static boolean offers(CampaignRef campaign, Quiz quiz) {
        if (quiz.campaignId != null) {
            return quiz.campaignId == campaign.id();
        }
        if (quiz.noticeId == null) {
            return true;
        }
        return quiz.kind == QuizKind.MODULE && campaign.studies(quiz.noticeId);
    }

    /** The campaign asked for, if it reaches the worker and is not a draft, else the newest one open to them. */
    Optional<CampaignRef> forWorker(Caller caller, Long campaignId) {
        Optional<CampaignRef> campaign = campaigns.forWorker(caller.orgPath(), campaignId);
        if (campaignId != null && campaign.isEmpty()) {
            throw DomainException.notFound("campaign-not-found", "No campaign open to you has the id " + campaignId + ".");
        }
        return campaign;
    }

    /**
     * A campaign's FINAL or DAILY is for its audience while it is published and inside its window; to anyone else
     * it does not exist.
     */
    void requireStartable(Caller caller, Quiz quiz, Instant now) {
        if (quiz.campaignId == null) {
            return;
        }
        CampaignRef campaign = campaigns.find(quiz.campaignId)
                .filter(c -> c.status() == CampaignStatus.PUBLISHED && c.reaches(caller.orgPath()))
                .orElseThrow(() -> DomainException.notFound("quiz-not-found",
                        "No active quiz has the id " + quiz.id + "."));
        if (campaign.opensAt() != null && now.isBefore(campaign.opensAt())) {
            throw DomainException.forbidden("quiz-not-open", "This campaign opens at " + campaign.opensAt() + ".");
        }
        if (campaign.closesAt() != null && !now.isBefore(campaign.closesAt())) {
            throw DomainException.forbidden("quiz-closed", "This campaign closed at " + campaign.closesAt() + ".");
        }
    }
}
