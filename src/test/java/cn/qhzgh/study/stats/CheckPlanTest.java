package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CheckPlanTest {

    private static final LocalDate SUNDAY = LocalDate.of(2026, 11, 29);
    private static final Optional<Instant> MARK = Optional.of(Instant.parse("2026-11-28T18:30:00Z"));

    @Test
    void theWeeklyNightChecksEverythingAndTheOthersOnlyWhatChanged() {
        assertThat(CheckPlan.tonight(SUNDAY, DayOfWeek.SUNDAY, MARK)).isEqualTo(CheckPlan.Kind.FULL);
        assertThat(CheckPlan.tonight(SUNDAY.plusDays(1), DayOfWeek.SUNDAY, MARK)).isEqualTo(CheckPlan.Kind.CHANGED);
        assertThat(CheckPlan.tonight(SUNDAY.plusDays(6), DayOfWeek.SUNDAY, MARK)).isEqualTo(CheckPlan.Kind.CHANGED);
    }

    @Test
    void withoutAVerifiedCheckTheNightChecksEverything() {
        assertThat(CheckPlan.tonight(SUNDAY.plusDays(2), DayOfWeek.SUNDAY, Optional.empty())).isEqualTo(CheckPlan.Kind.FULL);
    }

    @Test
    void theMarkIsTheSnapshotLessTheMargin() {
        assertThat(CheckPlan.mark(Instant.parse("2026-11-28T18:30:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-11-28T18:20:00Z"));
    }
}
