package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CounterRulesTest {

    @Test
    void aUnionCountsInItsOwnSubtreeAndEveryAncestorsOne() {
        assertThat(CounterRules.orgsOnPath("/1/7/63/")).containsExactly(1L, 7L, 63L);
        assertThat(CounterRules.orgsOnPath("/1/")).containsExactly(1L);
        assertThat(CounterRules.orgsOnPath("/")).isEqualTo(List.of());
    }
}
