package cn.qhzgh.study.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What other features need of a campaign: its materials (notice ids, in order), the paths of its audience's unions,
 * the published modules completion does not require, and its FINAL pass score.
 */
public record CampaignRef(long id, String title, CampaignStatus status, Instant opensAt, Instant closesAt,
                          Instant publishedAt, int finalPassScore, List<Long> noticeIds, List<String> audiencePaths,
                          Set<Long> optionalModuleIds) {

    public CampaignRef {
        noticeIds = List.copyOf(noticeIds);
        audiencePaths = List.copyOf(audiencePaths);
        optionalModuleIds = Set.copyOf(optionalModuleIds);
    }

    /** A worker of the union at this path belongs to the audience. */
    public boolean reaches(String orgPath) {
        return orgPath != null && audiencePaths.stream().anyMatch(orgPath::startsWith);
    }

    /** An admin of the union at this path sees the campaign when its subtree and the audience overlap. */
    public boolean overlaps(String orgPath) {
        return orgPath != null && audiencePaths.stream().anyMatch(p -> orgPath.startsWith(p) || p.startsWith(orgPath));
    }

    public boolean studies(long noticeId) {
        return noticeIds.contains(noticeId);
    }
}
