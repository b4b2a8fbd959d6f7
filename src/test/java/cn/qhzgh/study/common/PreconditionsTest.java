package cn.qhzgh.study.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreconditionsTest {

    private static final String CURRENT = "\"v2-5d41\"";

    @Test
    void ifNoneMatchComparesWeaklyAcrossListsAndHeaderLines() {
        assertThat(Preconditions.noneMatchHolds(List.of(CURRENT), CURRENT)).isTrue();
        assertThat(Preconditions.noneMatchHolds(List.of("W/" + CURRENT), CURRENT)).as("weakened by a proxy").isTrue();
        assertThat(Preconditions.noneMatchHolds(List.of("\"v1-0000\", W/" + CURRENT), CURRENT)).isTrue();
        assertThat(Preconditions.noneMatchHolds(List.of("\"v1-0000\"", " " + CURRENT), CURRENT)).isTrue();
        assertThat(Preconditions.noneMatchHolds(List.of("*"), CURRENT)).isTrue();
        assertThat(Preconditions.noneMatchHolds(List.of("\"v1-0000\""), CURRENT)).isFalse();
        assertThat(Preconditions.noneMatchHolds(List.of("v2-5d41"), CURRENT)).as("an unquoted tag is another tag")
                .isFalse();
        assertThat(Preconditions.noneMatchHolds(null, CURRENT)).isFalse();
    }

    @Test
    void ifMatchComparesStrongly() {
        Preconditions.requireIfMatch(CURRENT, CURRENT, "module");
        Preconditions.requireIfMatch("*", CURRENT, "module");
        assertThatThrownBy(() -> Preconditions.requireIfMatch("W/" + CURRENT, CURRENT, "module"))
                .isInstanceOf(DomainException.class).hasMessageContaining("changed since you read it");
        assertThatThrownBy(() -> Preconditions.requireIfMatch(null, CURRENT, "module"))
                .isInstanceOf(DomainException.class).hasMessageContaining("Send If-Match");
    }
}
