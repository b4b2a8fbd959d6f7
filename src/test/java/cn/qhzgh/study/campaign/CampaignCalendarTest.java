package cn.qhzgh.study.campaign;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignCalendarTest {

    @Test
    void theCampaignDayTurnsAtMidnightInXining() {
        assertThat(CampaignCalendar.dayOf(Instant.parse("2026-03-01T15:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(CampaignCalendar.dayOf(Instant.parse("2026-03-01T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 2));
    }
}
