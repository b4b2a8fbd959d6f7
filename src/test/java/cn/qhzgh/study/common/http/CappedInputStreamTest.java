package cn.qhzgh.study.common.http;

import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CappedInputStreamTest {

    @Test
    void aBodyOfExactlyTheCapIsReadWhole() throws IOException {
        try (InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[100]), BodyKind.JSON, 100)) {
            assertThat(in.readAllBytes()).hasSize(100);
        }
    }

    @Test
    void theReadPassingTheCapFailsWithTheBodysKindAndCap() {
        InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[101]), BodyKind.WORKER_LIST, 100);
        assertThatThrownBy(in::readAllBytes).isInstanceOfSatisfying(BodyTooLargeException.class, e -> {
            assertThat(e.kind()).isEqualTo(BodyKind.WORKER_LIST);
            assertThat(e.cap()).isEqualTo(100);
            assertThat(e.problem().status()).isEqualTo(413);
            assertThat(e.getMessage()).isEqualTo("The worker list is larger than 100 bytes, the most this endpoint accepts.");
        });
    }

    @Test
    void singleByteReadsAndSkipsCountToo() throws IOException {
        InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[10]), BodyKind.JSON, 5);
        in.skip(5);
        assertThatThrownBy(in::read).isInstanceOf(BodyTooLargeException.class);
    }

    @Test
    void knowsWhetherTheBodyWasReadToItsEndOrRefusedAtItsCap() throws IOException {
        CappedInputStream whole = new CappedInputStream(new BufferedInputStream(new ByteArrayInputStream(new byte[10])),
                BodyKind.JSON, 100);
        whole.readNBytes(10);
        assertThat(whole.exhausted()).isFalse();
        assertThat(whole.read()).isEqualTo(-1);
        assertThat(whole.exhausted()).isTrue();
        assertThat(whole.overflowed()).isFalse();

        CappedInputStream over = new CappedInputStream(new ByteArrayInputStream(new byte[10]), BodyKind.JSON, 5);
        assertThatThrownBy(over::readAllBytes).isInstanceOf(BodyTooLargeException.class);
        assertThat(over.overflowed()).isTrue();
        assertThat(over.exhausted()).isFalse();
    }
}
