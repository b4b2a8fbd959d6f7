package cn.qhzgh.study.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SubtreeOrderTest {

    // Province 1; city 7 with counties 63 and 8 (8 has union 640); union 6 straight under the province.
    private static final SubtreeOrder TREE = new SubtreeOrder(Map.of(
            1L, "/1/", 7L, "/1/7/", 63L, "/1/7/63/", 8L, "/1/7/8/", 640L, "/1/7/8/640/", 6L, "/1/6/"));

    @Test
    void everyOrgComesAfterItsWholeSubtree() {
        List<Long> order = TREE.bottomUp(Optional.empty());
        assertThat(order).containsExactlyInAnyOrder(1L, 7L, 63L, 8L, 640L, 6L);
        assertThat(order.indexOf(640L)).isLessThan(order.indexOf(8L));
        assertThat(order.indexOf(8L)).isLessThan(order.indexOf(7L));
        assertThat(order.indexOf(63L)).isLessThan(order.indexOf(7L));
        assertThat(order.indexOf(7L)).isLessThan(order.indexOf(1L));
        assertThat(order.indexOf(6L)).isLessThan(order.indexOf(1L));
        assertThat(order).as("ids compared as text would put 63 between 6 and 640").endsWith(1L);
    }

    @Test
    void changedUnionsBringEveryOrgAboveThemAndNothingElse() {
        assertThat(TREE.bottomUp(Optional.of(List.of(640L)))).containsExactly(640L, 8L, 7L, 1L);
        assertThat(TREE.bottomUp(Optional.of(List.of(999L)))).as("an org deleted since").isEmpty();
    }

    @Test
    void belowUncheckedIsTheWholeSubtreeOfEachUncheckedChild() {
        Set<Long> checked = Set.of(640L, 8L, 7L, 1L);
        assertThat(TREE.belowUnchecked(1L, checked)).containsExactly(6L);
        assertThat(TREE.belowUnchecked(7L, checked)).containsExactly(63L);
        assertThat(TREE.belowUnchecked(8L, checked)).isEmpty();
        assertThat(TREE.belowUnchecked(1L, Set.of(1L))).containsExactly(6L, 7L, 8L, 63L, 640L);
    }

    @Test
    void onlyTheRootHasNoParent() {
        assertThat(TREE.parent(1L)).isEmpty();
        assertThat(TREE.parent(640L)).contains(8L);
        assertThat(TREE.parent(6L)).contains(1L);
    }
}
