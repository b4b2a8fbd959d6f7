package cn.qhzgh.study.progress;

import cn.qhzgh.study.progress.ReadingCredit.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpanCodecTest {

    private static final long T = 1_668_907_800L;

    @Test
    void randomSpansSurviveTheRoundTrip() {
        Random random = new Random(24);
        for (int round = 0; round < 200; round++) {
            List<Span> spans = new ArrayList<>();
            long at = random.nextInt(2) == 0 ? 0 : T;
            for (int i = 0; i < random.nextInt(50); i++) {
                long start = at + random.nextInt(100_000);
                long end = start + 1 + random.nextInt(1 << 20);
                spans.add(new Span(start, end));
                at = end + 1;
            }
            assertThat(SpanCodec.decode(SpanCodec.encode(spans))).isEqualTo(spans);
        }
    }

    @Test
    void aReadingSessionADayTakesAboutFiveBytes() {
        List<Span> spans = new ArrayList<>();
        for (int day = 0; day < 90; day++) {
            spans.add(new Span(T + day * 86_400L, T + day * 86_400L + 1_800));
        }
        assertThat(SpanCodec.encode(spans).length).isLessThanOrEqualTo(5 + 90 * 5);
    }

    /** Within the 91 days a claim can reach, at most three gaps or lengths need more than 3 bytes. */
    @Test
    void theMostSpansFitTheColumn() {
        long threeBytes = (1L << 21) - 1;
        List<Span> spans = new ArrayList<>();
        long at = T;
        for (int i = 0; i < ReadingCredit.MAX_SPANS; i++) {
            spans.add(new Span(at + threeBytes, at + 2 * threeBytes));
            at += 2 * threeBytes;
        }
        assertThat(SpanCodec.encode(spans).length + 3 * 2).as("worker_credit.spans is VARBINARY(40000)")
                .isLessThan(40_000);
    }

    @Test
    void noSpansAndNullAreEmpty() {
        assertThat(SpanCodec.encode(List.of())).isEmpty();
        assertThat(SpanCodec.decode(null)).isEmpty();
        assertThat(SpanCodec.decode(new byte[0])).isEmpty();
    }

    @Test
    void overlappingSpansAndATruncatedValueAreRefused() {
        assertThatThrownBy(() -> SpanCodec.encode(List.of(new Span(T, T + 10), new Span(T + 5, T + 20))))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] bytes = SpanCodec.encode(List.of(new Span(T, T + 300)));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        truncated[truncated.length - 1] |= (byte) 0x80;
        assertThatThrownBy(() -> SpanCodec.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
    }
}
