package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterTallyTest {

    @Test
    void rowsOfOneKeyAreSummedColumnByColumn() {
        CounterTally tally = new CounterTally();
        tally.add(CounterTable.CHANNEL, List.of(7L, 1L, "APP"), 3, 120);
        tally.add(CounterTable.CHANNEL, List.of(7L, 1L, "APP"), 2, 30);
        tally.add(CounterTable.CHANNEL, List.of(7L, 1L, "WEB"), 1, 5);
        assertThat(tally.rows(CounterTable.CHANNEL, List.of(7L)).get(List.of(7L, 1L, "APP"))).containsExactly(5, 150);
        assertThat(tally.rows()).isEqualTo(2);
    }

    @Test
    void tablesAndUnionsAreKeptApart() {
        CounterTally tally = new CounterTally();
        tally.add(CounterTable.DAY, List.of(7L, 1L, LocalDate.of(2026, 3, 1)), 1, 0);
        tally.add(CounterTable.DAY, List.of(8L, 1L, LocalDate.of(2026, 3, 1)), 0, 1);
        tally.add(CounterTable.WORKERS, List.of(7L), 4);
        assertThat(tally.rows(CounterTable.DAY, List.of(7L))).containsOnlyKeys(List.of(7L, 1L, LocalDate.of(2026, 3, 1)));
        assertThat(tally.rows(CounterTable.WORKERS, List.of(8L))).isEmpty();
        assertThat(tally.rows(CounterTable.DAY, List.of(7L, 8L))).hasSize(2);
    }

    @Test
    void removedUnionsNoLongerTakeHeap() {
        CounterTally tally = new CounterTally();
        tally.add(CounterTable.WORKERS, List.of(7L), 4);
        tally.add(CounterTable.QUESTION, List.of(7L, 11L), 1, 1);
        tally.add(CounterTable.WORKERS, List.of(8L), 2);
        tally.remove(List.of(7L, 99L));
        assertThat(tally.rows()).isEqualTo(1);
        assertThat(tally.orgs()).containsExactly(8L);
        assertThat(tally.rows(CounterTable.QUESTION, List.of(7L))).isEmpty();
    }

    @Test
    void aRowOfTheWrongShapeIsRefused() {
        CounterTally tally = new CounterTally();
        assertThatThrownBy(() -> tally.add(CounterTable.QUESTION, List.of(7L, 11L), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tally.add(CounterTable.WORKERS, List.of("7"), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
