package cn.qhzgh.study.campaign;

/** A campaign is drafted, then published to its audience, then closed; records count only while it is published. */
public enum CampaignStatus {
    DRAFT, PUBLISHED, CLOSED
}
