package cn.qhzgh.study.common.retry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScopeTest {

    @Test
    void outsideARetriedCallEveryEffectIsAFirst() {
        assertThat(RetryScope.firstTry("charge")).isTrue();
        assertThat(RetryScope.firstTry("charge")).isTrue();
    }

    @Test
    void withinOneRetriedCallAnEffectIsMadeOnceAndTheInnerOpenerDoesNotClose() {
        assertThat(RetryScope.open()).isTrue();
        try {
            assertThat(RetryScope.firstTry("charge")).isTrue();
            assertThat(RetryScope.open()).isFalse();
            assertThat(RetryScope.firstTry("charge")).isFalse();
            assertThat(RetryScope.firstTry("another charge")).isTrue();
        } finally {
            RetryScope.close();
        }
        assertThat(RetryScope.firstTry("charge")).isTrue();
    }
}
