package cn.qhzgh.study.security;

import cn.qhzgh.study.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTest {

    @Test
    void daysAreBeijingDaysWithBothEndsIncluded() {
        AuditFilter filter = AuditFilter.of(null, null, "2022-11-20", "2022-11-21");
        assertThat(filter.since()).isEqualTo(Instant.parse("2022-11-19T16:00:00Z"));
        assertThat(filter.before()).isEqualTo(Instant.parse("2022-11-21T16:00:00Z"));
        assertThat(AuditFilter.of(null, null, "2022-11-20", "2022-11-20").before())
                .isEqualTo(Instant.parse("2022-11-20T16:00:00Z"));
    }

    @Test
    void absentOrBlankPartsRestrictNothing() {
        assertThat(AuditFilter.of(null, " ", "", null)).isEqualTo(AuditFilter.NONE);
        assertThat(AuditFilter.NONE.where()).isEmpty();
        assertThat(AuditFilter.NONE.parameters()).isEmpty();
    }

    @Test
    void theConditionNamesOnlyWhatWasAsked() {
        AuditFilter filter = AuditFilter.of(" demo-admin-qh ", "module.edit", null, "2022-11-21");
        assertThat(filter.where()).isEqualTo("actor = :actor and action = :action and at < :before");
        assertThat(filter.parameters()).containsOnlyKeys("actor", "action", "before")
                .containsEntry("actor", "demo-admin-qh");
        assertThat(AuditFilter.of(null, null, "2022-11-20", null).where()).isEqualTo("at >= :since");
    }

    @Test
    void aRangeEndingBeforeItStartsOrANonDayIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AuditFilter.of(null, null, "2022-11-21", "2022-11-20"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.slug()).isEqualTo("invalid-range");
                });
        assertThatThrownBy(() -> AuditFilter.of(null, null, null, "2022-02-30"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.slug()).isEqualTo("invalid-date"));
    }
}
