package cn.qhzgh.study.progress;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Fired for every batch that stored events. {@code campaignsByNotice} holds, for each notice of the batch, the
 * published campaigns that study it and reach the worker; {@code startedModules} are modules and
 * {@code startedCampaigns} campaigns in which this worker had no progress before this batch.
 */
public record ProgressRecorded(long workerId, long orgId, List<RecordedEvent> events, Set<Long> startedModules,
                               Map<Long, List<Long>> campaignsByNotice, Set<Long> startedCampaigns) {

    /** The batch's events that count in this campaign. */
    public List<RecordedEvent> eventsIn(long campaignId) {
        return events.stream().filter(e -> campaignsByNotice.getOrDefault(e.noticeId(), List.of()).contains(campaignId))
                .toList();
    }

    /** Every campaign some event of the batch counts in, in id order. */
    public SortedSet<Long> campaigns() {
        SortedSet<Long> campaigns = new TreeSet<>();
        campaignsByNotice.values().forEach(campaigns::addAll);
        return campaigns;
    }
}
