package cn.qhzgh.study.campaign;

import java.util.List;

/**
 * Fired inside the transaction of every campaign edit. Quizzes observe PUBLISHED to give the campaign its FINAL and
 * DAILY quizzes; the campaign directory refreshes after success; statistics ask for the records workers already have
 * to be recounted when what the campaign counts changed (publish, audience, materials). An AUDIENCE change names the
 * unions the audience held before it, since the campaign's rows no longer do.
 */
public record CampaignChanged(long campaignId, Kind kind, List<Long> audienceBefore) {

    public enum Kind {
        CREATED, EDITED, MATERIALS, AUDIENCE, PUBLISHED, CLOSED
    }

    public CampaignChanged {
        audienceBefore = List.copyOf(audienceBefore);
    }

    public CampaignChanged(long campaignId, Kind kind) {
        this(campaignId, kind, List.of());
    }
}
