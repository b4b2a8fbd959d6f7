package cn.qhzgh.study.common.tabular;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A CSV row that outgrows every row the limits allow is stopped while it is read, at its own row. */
class CsvRowBudgetTest {

    private static final TabularLimits SMALL = new TabularLimits(4, 10, 8L << 20, 100);

    @Test
    void aQuoteThatNeverClosesStopsAtItsRowBeforeTheRestOfTheFileIsHeld() {
        String csv = "code,name\nA,b\nB,\"" + "x".repeat(50_000) + "\nC,d\n".repeat(1_000);

        assertThatThrownBy(() -> readAll(csv))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.row()).isEqualTo(3);
                        assertThat(p.message()).startsWith("is longer than a row of 4 cells of at most 10 characters")
                                .endsWith("is a closing \" missing?");
                    });
                });
    }

    @Test
    void aRowOfSeparatorsOnlyStopsAtTheBudgetToo() {
        String csv = "code,name\n" + ",".repeat(100_000) + "\n";

        assertThatThrownBy(() -> readAll(csv))
                .isInstanceOfSatisfying(TabularFormatException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.row()).isEqualTo(2)));
    }

    @Test
    void cellsOfDoubledQuotesWithinTheLimitsAreRead() {
        String doubledQuotes = "\"" + "\"\"".repeat(10) + "\"";
        String csv = "code,name\n" + String.join(",", List.of(doubledQuotes, doubledQuotes, doubledQuotes, doubledQuotes))
                + "\n";

        assertThat(readAll(csv)).isEqualTo(1);
    }

    private static int readAll(String csv) {
        int rows = 0;
        try (TabularReader reader = TabularReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                TabularFormat.CSV, List.of("code", "name"), Map.of(), SMALL)) {
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
        }
        return rows;
    }
}
