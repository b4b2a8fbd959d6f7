package cn.qhzgh.study.campaign;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignScopeTest {

    @Test
    void aSubtreeInsideTheAudienceIsReachedWhole() {
        assertThat(CampaignScope.reachedRanges("/1/4/9/", List.of("/1/"))).containsExactly("/1/4/9/");
        assertThat(CampaignScope.reachedRanges("/1/4/", List.of("/1/7/", "/1/4/"))).containsExactly("/1/4/");
    }

    @Test
    void aProvinceSeesOnlyTheAudienceUnionsInsideIt() {
        assertThat(CampaignScope.reachedRanges("/1/", List.of("/1/7/", "/1/4/"))).containsExactly("/1/4/", "/1/7/");
    }

    @Test
    void nestedAudienceUnionsAreCountedOnce() {
        assertThat(CampaignScope.reachedRanges("/1/", List.of("/1/4/", "/1/4/9/"))).containsExactly("/1/4/");
    }

    @Test
    void aSubtreeBesideTheAudienceReachesNothing() {
        assertThat(CampaignScope.reachedRanges("/1/5/", List.of("/1/4/"))).isEmpty();
        assertThat(CampaignScope.reachedRanges("/1/4/", List.of("/1/41/"))).isEmpty();
    }
}
