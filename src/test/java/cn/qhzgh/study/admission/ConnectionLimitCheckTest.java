package cn.qhzgh.study.admission;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionLimitCheckTest {

    @Test
    void aCapThatLeavesTheServiceItsOwnDescriptorsIsFine() {
        assertThat(ConnectionLimitCheck.problem(OptionalInt.of(10_000), OptionalLong.of(1_048_576))).isEmpty();
        assertThat(ConnectionLimitCheck.problem(OptionalInt.of(10_000), OptionalLong.of(20_000))).isEmpty();
    }

    @Test
    void aCapThatWouldTakeTheServicesOwnDescriptorsNamesTheHighestSafeValue() {
        assertThat(ConnectionLimitCheck.problem(OptionalInt.of(10_000), OptionalLong.of(19_999)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("10000", "19999", "at most 9999",
                        "QUARKUS_HTTP_LIMITS_MAX_CONNECTIONS"));
        assertThat(ConnectionLimitCheck.problem(OptionalInt.of(10_000), OptionalLong.of(1_024)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("at most 512"));
    }

    @Test
    void noCapIsWarnedAboutAndAnUnknownDescriptorLimitIsNot() {
        assertThat(ConnectionLimitCheck.problem(OptionalInt.empty(), OptionalLong.of(20_000)))
                .hasValueSatisfying(warning -> assertThat(warning).contains("not set", "at most 10000"));
        assertThat(ConnectionLimitCheck.problem(OptionalInt.empty(), OptionalLong.empty())).isEmpty();
    }
}
