package cn.qhzgh.study.campaign;

/**
 * Fired inside the transaction of every campaign edit. Quizzes observe PUBLISHED to give the campaign its FINAL and
 * DAILY quizzes; the campaign directory refreshes after success. Statistics do not observe it: the records workers
 * already have are counted into a newly published campaign by the next full reconciliation.
 */
public record CampaignChanged(long campaignId, Kind kind) {

    public enum Kind {
        CREATED, EDITED, MATERIALS, AUDIENCE, PUBLISHED, CLOSED
    }
}
