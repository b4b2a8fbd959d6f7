package cn.qhzgh.study.stats;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the recount needs to know besides the workers' own rows, read once per snapshot: which notice each module
 * belongs to, which published campaigns study each notice and whom they reach, each union's materialized path, the
 * modules each MODULE quiz covers and the campaign of each published FINAL. Only published campaigns are counted:
 * draft ones have nothing to count, closed ones keep what they counted.
 */
record ReconcileCatalog(Set<Long> published, Map<Long, Long> noticeOfModule, Map<Long, List<Long>> publishedOfNotice,
                        Map<Long, List<String>> audienceOfPublished, Map<Long, String> pathOfOrg,
                        Map<Long, List<Long>> modulesOfQuiz, Map<Long, Long> campaignOfPublishedFinal) {

    /** The published campaigns that study this module's notice and reach a worker of this union. */
    List<Long> countingCampaigns(long org, long module) {
        Long notice = noticeOfModule.get(module);
        if (notice == null) {
            throw new IllegalStateException("progress of module " + module + " that the snapshot does not know");
        }
        return publishedOfNotice.getOrDefault(notice, List.of()).stream().filter(c -> reaches(c, org)).toList();
    }

    /** Whether this published campaign's audience holds the union: its path lies under an audience org's path. */
    boolean reaches(long campaign, long org) {
        String path = pathOfOrg.get(org);
        return path != null && audienceOfPublished.getOrDefault(campaign, List.of()).stream().anyMatch(path::startsWith);
    }
}
