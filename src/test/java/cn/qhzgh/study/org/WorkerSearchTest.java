package cn.qhzgh.study.org;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerSearchTest {

    @Test
    void blankTextSearchesNothing() {
        assertThat(WorkerSearch.prefixPattern(null)).isEmpty();
        assertThat(WorkerSearch.prefixPattern(" \t")).isEmpty();
    }

    @Test
    void theTypedTextIsTakenLiterallyAsAPrefix() {
        assertThat(WorkerSearch.prefixPattern(" 马建 ")).isEqualTo(Optional.of("马建%"));
        assertThat(WorkerSearch.prefixPattern("qh_w%1!")).isEqualTo(Optional.of("qh!_w!%1!!%"));
    }
}
