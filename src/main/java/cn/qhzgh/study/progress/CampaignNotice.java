package cn.qhzgh.study.progress;

/** The notice the campaign is about: its id and doc number (null for a document without one). */
public record CampaignNotice(long id, String docNumber) {
}
