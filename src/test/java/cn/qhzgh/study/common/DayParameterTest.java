package cn.qhzgh.study.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayParameterTest {

    private static final LocalDate TODAY = LocalDate.of(2022, 12, 1);

    @Test
    void readsIsoDaysAndFallsBackWhenAbsent() {
        assertThat(DayParameter.parse("from", "2022-11-20", TODAY)).isEqualTo(LocalDate.of(2022, 11, 20));
        assertThat(DayParameter.parse("from", null, TODAY)).isEqualTo(TODAY);
        assertThat(DayParameter.parse("from", " ", TODAY)).isEqualTo(TODAY);
        assertThat(DayParameter.parse("to", "2000-01-01", TODAY)).isEqualTo(DayParameter.EARLIEST);
        assertThat(DayParameter.parse("to", "2099-12-31", TODAY)).isEqualTo(DayParameter.LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "9999-12-31", "0001-01-01", "1999-12-31",
            "2100-01-01", "2022-13-45", "yesterday", "2022-11-20T00:00:00Z"})
    void refusesDaysOutsideTheCampaignYearsOrNotDaysAtAll(String value) {
        assertThatThrownBy(() -> DayParameter.parse("to", value, TODAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("to"));
                });
    }
}
