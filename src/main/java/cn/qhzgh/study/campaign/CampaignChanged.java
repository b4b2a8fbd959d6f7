package cn.qhzgh.study.campaign;

/**
 * Fired inside the transaction of every campaign edit. Quizzes observe PUBLISHED to give the campaign its FINAL and
 * DAILY quizzes; statistics observe PUBLISHED after success to count the records workers already have.
 */
public record CampaignChanged(long campaignId, Kind kind) {

    public enum Kind {
        CREATED, EDITED, MATERIALS, AUDIENCE, PUBLISHED, CLOSED
    }
}
