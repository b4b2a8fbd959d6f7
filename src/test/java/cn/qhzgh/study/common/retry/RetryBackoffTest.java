package cn.qhzgh.study.common.retry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTest {

    @Test
    void theWindowDoublesPerRetryAndHalfOfItIsJitter() {
        assertThat(RetryBackoff.delayMillis(1, 20, 400, 0.0)).isEqualTo(10);
        assertThat(RetryBackoff.delayMillis(1, 20, 400, 0.999)).isEqualTo(19);
        assertThat(RetryBackoff.delayMillis(2, 20, 400, 0.0)).isEqualTo(20);
        assertThat(RetryBackoff.delayMillis(3, 20, 400, 0.5)).isEqualTo(60);
    }

    @Test
    void theWindowStopsAtTheCapHoweverManyRetries() {
        assertThat(RetryBackoff.delayMillis(5, 20, 400, 0.0)).isEqualTo(160);
        assertThat(RetryBackoff.delayMillis(6, 20, 400, 0.0)).isEqualTo(200);
        assertThat(RetryBackoff.delayMillis(6, 20, 400, 0.999)).isEqualTo(399);
        assertThat(RetryBackoff.delayMillis(200, 20, 400, 0.999)).isEqualTo(399);
    }

    @Test
    void nonsenseArgumentsAreRefused() {
        assertThatThrownBy(() -> RetryBackoff.delayMillis(0, 20, 400, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryBackoff.delayMillis(1, 20, 10, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryBackoff.delayMillis(1, 20, 400, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
