package cn.qhzgh.study.stats;

import cn.qhzgh.study.progress.CreditReconciler;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting rules of the reconciliation, fed rows as a snapshot reads them. Union 10 (/1/10/) is in the audience
 * of campaigns 100 and 200, which both study notice 5 (modules 51, 52); union 20 (/1/20/) only in campaign 200's.
 * Campaign 300 is a draft. Quiz 900 is campaign 100's FINAL; quiz 800 covers module 51.
 */
class SliceRecountTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 2, 1, 0);
    private static final ReconcileCatalog CATALOG = new ReconcileCatalog(Set.of(100L, 200L),
            Map.of(51L, 5L, 52L, 5L, 61L, 6L), Map.of(5L, List.of(100L, 200L)),
            Map.of(100L, List.of("/1/10/"), 200L, List.of("/1/")), Map.of(1L, "/1/", 10L, "/1/10/", 20L, "/1/20/"),
            Map.of(800L, List.of(51L)), Map.of(900L, 100L));

    private final CounterTally tally = new CounterTally();
    private final SliceRecount slice = new SliceRecount(CATALOG, tally);

    @Test
    void aSharedDocumentCountsInEveryCampaignThatReachesTheUnionOnce() {
        slice.worker(1, 10);
        slice.worker(2, 20);
        slice.events(new SliceRecount.EventSum(1, 51, "APP", 3, 120, 0));
        slice.events(new SliceRecount.EventSum(1, 51, "WECHAT", 1, 30, 0));
        slice.events(new SliceRecount.EventSum(2, 52, "APP", 2, 60, 0));
        slice.events(new SliceRecount.EventSum(2, 61, "APP", 1, 10, 0));
        slice.module(new SliceRecount.ModuleRow(1, 51, 150, T, T.plusHours(1), true));
        slice.module(new SliceRecount.ModuleRow(2, 52, 60, T.plusDays(1), T.plusDays(1), false));
        slice.module(new SliceRecount.ModuleRow(2, 61, 10, T, T, false));
        SliceRecount.Findings findings = slice.finish();

        assertThat(row(CounterTable.CHANNEL, 10, 100, "APP")).containsExactly(3, 120);
        assertThat(row(CounterTable.CHANNEL, 10, 200, "APP")).containsExactly(3, 120);
        assertThat(row(CounterTable.CHANNEL, 10, 200, "WECHAT")).containsExactly(1, 30);
        assertThat(tally.rows(CounterTable.CHANNEL, List.of(20L))).as("module 61's notice is in no campaign")
                .containsOnlyKeys(List.of(20L, 200L, "APP"));
        assertThat(row(CounterTable.MODULE, 10, 51)).containsExactly(1, 1, 0, 0);
        assertThat(row(CounterTable.MODULE, 20, 61)).containsExactly(1, 0, 0, 0);
        assertThat(row(CounterTable.CAMPAIGN, 10, 100)).containsExactly(1, 0, 150, 0, 0, 0);
        assertThat(row(CounterTable.CAMPAIGN, 10, 200)).containsExactly(1, 0, 150, 0, 0, 0);
        assertThat(row(CounterTable.CAMPAIGN, 20, 200)).containsExactly(1, 0, 60, 0, 0, 0);
        assertThat(tally.rows(CounterTable.CAMPAIGN, List.of(20L))).as("campaign 100 does not reach union 20").hasSize(1);
        assertThat(row(CounterTable.WORKERS, 10)).containsExactly(1);
        assertThat(findings.missingCampaignRows()).containsExactly(
                new SliceRecount.CampaignRow(1, 100, 10, T, T.plusHours(1), 150, null, false, null),
                new SliceRecount.CampaignRow(1, 200, 10, T, T.plusHours(1), 150, null, false, null),
                new SliceRecount.CampaignRow(2, 200, 20, T.plusDays(1), T.plusDays(1), 60, null, false, null));
        assertThat(findings.differingCampaignRows()).isZero();
        assertThat(findings.wrongModuleSums()).isEmpty();
    }

    @Test
    void storedSummaryRowsAreComparedFieldByField() {
        slice.worker(1, 10);
        slice.worker(2, 10);
        slice.worker(3, 20);
        slice.events(new SliceRecount.EventSum(1, 51, "APP", 1, 40, 0));
        slice.events(new SliceRecount.EventSum(2, 51, "APP", 1, 40, 0));
        slice.module(new SliceRecount.ModuleRow(1, 51, 40, T, T, false));
        slice.module(new SliceRecount.ModuleRow(2, 51, 40, T, T, false));
        slice.stored(new SliceRecount.CampaignRow(1, 100, 10, T, T, 40, null, false, null));
        slice.stored(new SliceRecount.CampaignRow(1, 200, 10, T, T, 40, null, false, null));
        slice.stored(new SliceRecount.CampaignRow(2, 100, 10, T, T, 41, null, false, null));
        slice.stored(new SliceRecount.CampaignRow(2, 200, 10, T, T, 40, null, false, null));
        slice.stored(new SliceRecount.CampaignRow(3, 100, 20, T, T, 40, null, false, null));
        SliceRecount.Findings findings = slice.finish();

        assertThat(findings.differingCampaignRows()).as("worker 2's seconds, and worker 3's row campaign 100 does not reach")
                .isEqualTo(2);
        assertThat(findings.differingCampaignWorkers()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(findings.missingCampaignRows()).isEmpty();
        assertThat(row(CounterTable.CAMPAIGN, 10, 100)).as("counted from the sources, not the stored rows")
                .containsExactly(2, 0, 80, 0, 0, 0);
    }

    @Test
    void moduleSumsAreTheirEventsCreditsAndUncreditedWorkersAreLeftToCrediting() {
        slice.worker(1, 10);
        slice.worker(2, 20);
        slice.events(new SliceRecount.EventSum(1, 51, "APP", 2, 90, 0));
        slice.events(new SliceRecount.EventSum(2, 52, "APP", 2, 0, 2));
        slice.module(new SliceRecount.ModuleRow(1, 51, 80, T, T, false));
        slice.module(new SliceRecount.ModuleRow(1, 52, 5, T, T, false));
        slice.module(new SliceRecount.ModuleRow(2, 52, 70, T, T, false));
        SliceRecount.Findings findings = slice.finish();

        assertThat(findings.wrongModuleSums()).containsExactly(new CreditReconciler.ModuleRow(1, 51),
                new CreditReconciler.ModuleRow(1, 52));
        assertThat(findings.uncreditedWorkers()).containsExactly(2L);
        assertThat(findings.uncreditedUnions()).containsExactly(20L);
        assertThat(findings.missingCampaignRows()).as("worker 1's two rows; worker 2 waits for crediting")
                .extracting(SliceRecount.CampaignRow::workerId).containsExactly(1L, 1L);
    }

    @Test
    void itemAnalysisCountsEachWorkersFirstSubmittedFinalAttempt() {
        slice.worker(1, 10);
        slice.worker(2, 10);
        slice.attempt(new SliceRecount.Attempt(1, 900, "b-first", T, "SUBMITTED", 1, false));
        slice.attempt(new SliceRecount.Attempt(1, 900, "a-retry", T.plusHours(1), "SUBMITTED", 2, true));
        slice.attempt(new SliceRecount.Attempt(2, 900, "c-late", T, "LATE", 0, false));
        slice.attempt(new SliceRecount.Attempt(2, 900, "d-next", T.plusHours(1), "SUBMITTED", 1, false));
        slice.attempt(new SliceRecount.Attempt(2, 800, "e-module", T, "SUBMITTED", 80, true));
        slice.attempt(new SliceRecount.Attempt(2, 800, "f-module", T.plusHours(2), "SUBMITTED", 60, false));
        slice.answer(new SliceRecount.Answer("b-first", 0, 7001, true, "A"));
        slice.answer(new SliceRecount.Answer("b-first", 1, 7002, false, "BC"));
        slice.answer(new SliceRecount.Answer("a-retry", 0, 7001, true, "A"));
        slice.answer(new SliceRecount.Answer("a-retry", 1, 7002, true, "D"));
        slice.answer(new SliceRecount.Answer("d-next", 0, 7001, true, "A"));
        slice.finish();

        assertThat(row(CounterTable.QUESTION, 10, 7001)).as("every answer counts in item difficulty").containsExactly(3, 3);
        assertThat(row(CounterTable.OPTION, 10, 7002, "B")).containsExactly(1);
        assertThat(row(CounterTable.OPTION, 10, 7002, "D")).containsExactly(1);
        assertThat(row(CounterTable.OPTION, 10, 7001, "A")).containsExactly(3);
        assertThat(row(CounterTable.ITEM, 10, 900, 2, 7001, 0)).as("right, the rest scored 0").containsExactly(1, 1);
        assertThat(row(CounterTable.ITEM, 10, 900, 2, 7002, 1)).as("wrong, the rest scored 1").containsExactly(1, 0);
        assertThat(row(CounterTable.POSITION, 10, 900, 2, 1)).containsExactly(1, 0);
        assertThat(tally.rows(CounterTable.ITEM, List.of(10L))).as("worker 2's first attempt was not submitted in time")
                .hasSize(2);
        assertThat(row(CounterTable.MODULE, 10, 51)).as("module quiz: one worker, best score").containsExactly(0, 0, 1, 80);
        assertThat(row(CounterTable.CAMPAIGN, 10, 100)).as("FINAL best scores 2 and 1; one passed")
                .containsExactly(0, 0, 0, 2, 3, 1);
    }

    @Test
    void completionsCountOnTheirCampaignDayAndDraftCampaignsNowhere() {
        slice.worker(1, 10);
        slice.completion(new SliceRecount.Completion(1, 100, LocalDateTime.of(2026, 3, 1, 16, 30)));
        slice.completion(new SliceRecount.Completion(1, 300, LocalDateTime.of(2026, 3, 1, 10, 0)));
        slice.activeDays(new SliceRecount.ActiveDays(10, 100, LocalDate.of(2026, 3, 1), 4));
        slice.activeDays(new SliceRecount.ActiveDays(10, 300, LocalDate.of(2026, 3, 1), 4));
        slice.finish();

        assertThat(tally.rows(CounterTable.DAY, List.of(10L))).containsOnlyKeys(
                List.of(10L, 100L, LocalDate.of(2026, 3, 2)), List.of(10L, 100L, LocalDate.of(2026, 3, 1)));
        assertThat(row(CounterTable.DAY, 10, 100, LocalDate.of(2026, 3, 2))).as("00:30 in Asia/Shanghai")
                .containsExactly(1, 0);
        assertThat(row(CounterTable.CAMPAIGN, 10, 100)).containsExactly(0, 1, 0, 0, 0, 0);
    }

    private long[] row(CounterTable table, Object... key) {
        List<Object> typed = Arrays.stream(key).map(k -> k instanceof Integer i ? (Object) i.longValue() : k)
                .toList();
        return tally.rows(table, List.of((Long) typed.get(0))).get(typed);
    }
}
