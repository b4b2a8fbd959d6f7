package cn.qhzgh.study.progress;

import cn.qhzgh.study.progress.ReadingCredit.Claim;
import cn.qhzgh.study.progress.ReadingCredit.Outcome;
import cn.qhzgh.study.progress.ReadingCredit.Span;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingCreditTest {

    private static final long T = 1_668_907_800L;
    private static final long NO_CAP = Long.MAX_VALUE / 4;

    private static Claim claim(String id, long module, long end, int seconds) {
        return new Claim(id, module, end, seconds);
    }

    private static long total(Outcome outcome) {
        return outcome.credited().values().stream().mapToLong(Integer::longValue).sum();
    }

    @Test
    void aHundredHoursStampedTheSameSecondAreOneHour() {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            claims.add(claim("e" + i, 1, T, 3600));
        }
        Outcome outcome = ReadingCredit.credit(List.of(), Map.of(1L, NO_CAP), claims);
        assertThat(total(outcome)).isEqualTo(3600);
        assertThat(outcome.spans()).containsExactly(new Span(T - 3600, T));
        assertThat(outcome.credited().values()).containsOnlyOnce(3600).filteredOn(c -> c != 3600).containsOnly(0);
    }

    @Test
    void theModuleCapLimitsTheCreditAndTakesTheEarliestSeconds() {
        Outcome outcome = ReadingCredit.credit(List.of(), Map.of(1L, 900L),
                List.of(claim("a", 1, T, 3600), claim("b", 1, T + 10, 3600)));
        assertThat(outcome.credited()).containsEntry("a", 900).containsEntry("b", 0);
        assertThat(outcome.spans()).containsExactly(new Span(T - 3600, T - 2700));
    }

    @Test
    void overlappingClaimsOfDifferentModulesCountOnce() {
        Outcome outcome = ReadingCredit.credit(List.of(), Map.of(1L, NO_CAP, 2L, NO_CAP),
                List.of(claim("a", 1, T, 300), claim("b", 2, T + 100, 300)));
        assertThat(outcome.credited()).containsEntry("a", 300).containsEntry("b", 100);
        assertThat(outcome.spans()).containsExactly(new Span(T - 300, T + 100));
    }

    @Test
    void consecutiveReadingIsCreditedInFullAndMergesIntoOneSpan() {
        List<Span> stored = List.of(new Span(T - 600, T));
        Outcome outcome = ReadingCredit.credit(stored, Map.of(1L, NO_CAP), List.of(claim("next", 1, T + 120, 120)));
        assertThat(outcome.credited()).containsEntry("next", 120);
        assertThat(outcome.spans()).containsExactly(new Span(T - 600, T + 120));
    }

    @Test
    void aClaimBridgingTwoSpansGetsOnlyTheGapAndJoinsThem() {
        List<Span> stored = List.of(new Span(T - 100, T - 50), new Span(T, T + 50));
        Outcome outcome = ReadingCredit.credit(stored, Map.of(1L, NO_CAP), List.of(claim("bridge", 1, T + 20, 200)));
        assertThat(outcome.credited()).containsEntry("bridge", 80 + 50);
        assertThat(outcome.spans()).containsExactly(new Span(T - 180, T + 50));
    }

    @Test
    void nothingNewChangesNoSpan() {
        List<Span> stored = List.of(new Span(T - 600, T));
        Outcome outcome = ReadingCredit.credit(stored, Map.of(1L, NO_CAP), List.of(claim("inside", 1, T - 10, 60),
                claim("zero", 1, T + 500, 0)));
        assertThat(total(outcome)).isZero();
        assertThat(outcome.spans()).isEqualTo(stored);
    }

    @Test
    void aBatchThatWouldLeaveMoreThanTheMostSpansIsCreditedNothing() {
        List<Span> stored = new ArrayList<>();
        for (int i = 0; i < ReadingCredit.MAX_SPANS - 1; i++) {
            stored.add(new Span(T + i * 100L, T + i * 100L + 10));
        }
        Outcome fills = ReadingCredit.credit(stored, Map.of(1L, NO_CAP), List.of(claim("last", 1, T - 100, 10)));
        assertThat(fills.credited()).containsEntry("last", 10);
        assertThat(fills.spans()).hasSize(ReadingCredit.MAX_SPANS);

        Outcome beyond = ReadingCredit.credit(fills.spans(), Map.of(1L, NO_CAP),
                List.of(claim("apart", 1, T - 1000, 10), claim("joining", 1, T + 15, 5)));
        assertThat(beyond.credited()).containsEntry("apart", 0).containsEntry("joining", 0);
        assertThat(beyond.spans()).isEqualTo(fills.spans());

        Outcome merging = ReadingCredit.credit(fills.spans(), Map.of(1L, NO_CAP), List.of(claim("joining", 1, T + 15, 5)));
        assertThat(merging.credited()).as("a claim that only extends a span adds none").containsEntry("joining", 5);
    }

    @Test
    void spansNoClaimCanReachAreForgotten() {
        List<Span> stored = List.of(new Span(T - 600, T - 100), new Span(T - 50, T));
        assertThat(ReadingCredit.endingAfter(stored, T - 100)).containsExactly(new Span(T - 50, T));
        assertThat(ReadingCredit.endingAfter(stored, T - 101)).isEqualTo(stored);
    }

    @Test
    void aBatchIsCreditedTheSameInWhateverOrderItsEventsCome() {
        List<Claim> claims = List.of(claim("a", 1, T, 300), claim("b", 2, T, 300), claim("c", 1, T - 200, 500),
                claim("d", 2, T + 60, 60));
        Outcome first = ReadingCredit.credit(List.of(), Map.of(1L, 400L, 2L, NO_CAP), claims);
        List<Claim> reversed = new ArrayList<>(claims);
        Collections.reverse(reversed);
        Outcome second = ReadingCredit.credit(List.of(), Map.of(1L, 400L, 2L, NO_CAP), reversed);
        assertThat(second.credited()).isEqualTo(first.credited());
        assertThat(second.spans()).isEqualTo(first.spans());
    }

    /** Any batching and order of any claims: never more than the union of claims, nor any module its cap. */
    @Test
    void randomArrivalsNeverExceedTheUnionOfClaimsNorTheCaps() {
        Random random = new Random(20221115);
        for (int round = 0; round < 300; round++) {
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                claims.add(claim("e" + i, 1 + random.nextInt(3), T + random.nextInt(20_000), random.nextInt(3601)));
            }
            Map<Long, Long> caps = Map.of(1L, (long) random.nextInt(5000), 2L, (long) random.nextInt(5000), 3L, NO_CAP);
            Collections.shuffle(claims, random);
            List<Span> spans = List.of();
            Map<Long, Long> room = new HashMap<>(caps);
            Map<Long, Long> byModule = new HashMap<>();
            long total = 0;
            for (int from = 0; from < claims.size(); ) {
                List<Claim> batch = claims.subList(from, Math.min(claims.size(), from + 1 + random.nextInt(6)));
                Outcome outcome = ReadingCredit.credit(spans, room, batch);
                for (Claim c : batch) {
                    int credited = outcome.credited().get(c.eventId());
                    assertThat(credited).isBetween(0, c.seconds());
                    byModule.merge(c.moduleId(), (long) credited, Long::sum);
                    room.merge(c.moduleId(), (long) -credited, Long::sum);
                    total += credited;
                }
                spans = outcome.spans();
                from += batch.size();
            }
            long union = ReadingCredit.credit(List.of(), Map.of(1L, NO_CAP, 2L, NO_CAP, 3L, NO_CAP), claims.stream()
                    .map(c -> claim(c.eventId(), 1, c.endSecond(), c.seconds())).toList()).spans().stream()
                    .mapToLong(Span::length).sum();
            assertThat(total).isLessThanOrEqualTo(union);
            assertThat(spans.stream().mapToLong(Span::length).sum()).isEqualTo(total);
            byModule.forEach((module, credited) -> assertThat(credited).isLessThanOrEqualTo(caps.get(module)));
            for (int i = 1; i < spans.size(); i++) {
                assertThat(spans.get(i).start()).isGreaterThan(spans.get(i - 1).end());
            }
        }
    }

    @Test
    void capAndMinimumFollowTheReadingTime() {
        assertThat(ReadingCredit.moduleCapSeconds(5, 3.0)).isEqualTo(900);
        assertThat(ReadingCredit.completionMinimumSeconds(5, 0.33333333)).isEqualTo(100);
        assertThat(ReadingCredit.completionMinimumSeconds(1, 0.33333333)).isEqualTo(20);
        assertThat(ReadingCredit.completionMinimumSeconds(7, 0.0)).isZero();
    }
}
