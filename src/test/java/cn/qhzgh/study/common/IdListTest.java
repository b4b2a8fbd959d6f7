package cn.qhzgh.study.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdListTest {

    @Test
    void idsAreJoinedInTheirOrder() {
        assertThat(IdList.of(List.of(3L, 5L, 8L))).isEqualTo("3, 5, 8");
        assertThat(IdList.of(List.of(42))).isEqualTo("42");
    }

    @Test
    void anEmptyListMatchesNoRow() {
        assertThat(IdList.of(Set.of())).isEqualTo("-1");
    }
}
