package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterTableTest {

    @Test
    void aRecountWithoutAnswersComparesEveryTableButThoseCountedFromAnswersInLockOrder() {
        assertThat(CounterTable.compared(true)).isEqualTo(CounterTable.ALL);
        assertThat(CounterTable.compared(false)).containsExactly(CounterTable.CAMPAIGN, CounterTable.DAY,
                CounterTable.CHANNEL, CounterTable.MODULE, CounterTable.WORKERS);
    }

    @Test
    void theTablesCountedFromAnswersAreExactlyTheOnesWithSubtreeTotals() {
        assertThat(CounterTable.SUBTREES).extracting(CounterTable.Subtree::own)
                .containsExactlyInAnyOrderElementsOf(CounterTable.FROM_ANSWERS);
    }
}
