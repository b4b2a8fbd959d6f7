package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterDeltasTest {

    @Test
    void rowsComeOutInKeyOrderWhateverOrderTheAttemptAskedThem() {
        CounterDeltas deltas = new CounterDeltas();
        for (long question : List.of(907L, 12L, 450L, 31L)) {
            deltas.add(SharedCounter.QUESTION, List.of(5L, question), 1, question % 2);
            deltas.add(SharedCounter.OPTION, List.of(5L, question, question == 12L ? "D" : "B"), 1);
        }
        deltas.add(SharedCounter.OPTION, List.of(5L, 12L, "A"), 1);
        List<CounterDeltas.Upsert> upserts = deltas.drain();
        assertThat(upserts).extracting(CounterDeltas.Upsert::counter)
                .containsExactly(SharedCounter.QUESTION, SharedCounter.OPTION);
        assertThat(upserts.get(0).rows()).extracting(row -> row.get(1)).containsExactly(12L, 31L, 450L, 907L);
        assertThat(upserts.get(1).rows()).extracting(row -> row.get(1) + ":" + row.get(2))
                .containsExactly("12:A", "12:D", "31:B", "450:B", "907:B");
    }

    @Test
    void tablesComeOutInTheOneLockOrderWhateverOrderThePathTouchedThem() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.add(SharedCounter.MODULE, List.of(5L, 3L), 1, 0, 0, 0);
        deltas.add(SharedCounter.DAY, List.of(5L, 1L, LocalDate.of(2026, 12, 1)), 0, 1);
        deltas.add(SharedCounter.CHANNEL, List.of(5L, 1L, "APP"), 1, 60);
        deltas.add(SharedCounter.CAMPAIGN, List.of(5L, 1L), 1, 0, 60, 0, 0, 0);
        assertThat(deltas.drain()).extracting(CounterDeltas.Upsert::counter).containsExactly(SharedCounter.CAMPAIGN,
                SharedCounter.DAY, SharedCounter.CHANNEL, SharedCounter.MODULE);
        assertThat(deltas.drain()).isEmpty();
    }

    @Test
    void subtreeTotalsComeAfterEveryUnionTableAndAnItemRowAfterItsQuestion() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.add(SharedCounter.SUBTREE_POSITION, List.of(1L, 9L, 20L, 0L), 1, 1);
        deltas.add(SharedCounter.MODULE, List.of(5L, 3L), 0, 0, 1, 80);
        deltas.add(SharedCounter.SUBTREE_QUESTION, List.of(1L, 12L), 1, 1);
        deltas.add(SharedCounter.ITEM, List.of(5L, 9L, 20L, 12L, 13L), 1, 1);
        deltas.add(SharedCounter.QUESTION, List.of(5L, 12L), 1, 1);
        assertThat(deltas.drain()).extracting(CounterDeltas.Upsert::counter).containsExactly(SharedCounter.QUESTION,
                SharedCounter.ITEM, SharedCounter.MODULE, SharedCounter.SUBTREE_QUESTION, SharedCounter.SUBTREE_POSITION);
        assertThat(SharedCounter.ITEM.subtree()).contains(SharedCounter.SUBTREE_ITEM);
        assertThat(SharedCounter.CAMPAIGN.subtree()).isEmpty();
        assertThat(SharedCounter.SUBTREE_OPTION.keys).isEqualTo(SharedCounter.OPTION.keys);
    }

    @Test
    void aRowTouchedTwiceIsWrittenOnceWithTheSums() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.add(SharedCounter.CAMPAIGN, List.of(5L, 1L), 1, 0, 60, 0, 0, 0);
        deltas.add(SharedCounter.CAMPAIGN, List.of(5L, 1L), 0, 1, 30, 1, 85, 1);
        deltas.add(SharedCounter.DAY, List.of(5L, 1L, LocalDate.of(2026, 12, 2)), 0, 1);
        deltas.add(SharedCounter.DAY, List.of(5L, 1L, LocalDate.of(2026, 11, 30)), 1, 0);
        List<CounterDeltas.Upsert> upserts = deltas.drain();
        assertThat(upserts.get(0).rows()).containsExactly(List.of(5L, 1L, 1L, 1L, 90L, 1L, 85L, 1L));
        assertThat(upserts.get(1).rows()).extracting(row -> row.get(2))
                .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 2));
    }

    @Test
    void theUpsertAddsEveryCounterColumn() {
        assertThat(SharedCounter.OPTION.upsertSql(2)).isEqualTo("INSERT INTO org_option_count (org_id, question_id, "
                + "option_key, picks, changed_at) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                + "picks = picks + VALUES(picks), changed_at = VALUES(changed_at)");
        assertThat(SharedCounter.QUESTION.upsertSql(1)).endsWith("ON DUPLICATE KEY UPDATE asked = asked + VALUES(asked), "
                + "correct = correct + VALUES(correct), changed_at = VALUES(changed_at)");
    }

    @Test
    void aRowOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> new CounterDeltas().add(SharedCounter.QUESTION, List.of(5L), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
