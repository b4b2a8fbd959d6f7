package cn.qhzgh.study.campaign;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignViewTest {

    private static final Instant AT = Instant.parse("2022-11-15T08:00:00Z");

    private static CampaignView view(int revision, String unionName, int publishedModules) {
        return new CampaignView(11, "学习宣传贯彻党的二十大精神", "", CampaignStatus.PUBLISHED, null, null, 80,
                List.of(new AudienceOrg("QH", unionName)),
                List.of(new CampaignMaterial(1, "青总发〔2022〕24号", "关于认真学习宣传贯彻党的二十大精神的通知", publishedModules)),
                List.of(), revision, AT, AT, "qh-admin-01", AT);
    }

    @Test
    void theEtagNamesTheRevisionAndIsStableForTheSameCampaign() {
        assertThat(view(3, "青海省总工会", 19).etag()).matches("\"campaign11-r3-[0-9a-f]+\"")
                .isEqualTo(view(3, "青海省总工会", 19).etag());
    }

    @Test
    void whatTheCampaignShowsOfOtherRecordsChangesTheEtag() {
        String etag = view(3, "青海省总工会", 19).etag();
        assertThat(view(3, "青海省总工会", 18).etag()).as("a module withdrawn").isNotEqualTo(etag);
        assertThat(view(3, "青海省总工会（更名）", 19).etag()).as("a union renamed").isNotEqualTo(etag);
        assertThat(view(4, "青海省总工会", 19).etag()).as("an edit").isNotEqualTo(etag);
    }
}
