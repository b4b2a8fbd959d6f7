package cn.qhzgh.study.common.tabular;

import cn.qhzgh.study.testsupport.Spreadsheets;
import cn.qhzgh.study.testsupport.XlsxBombs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TabularLimitsTest {

    private static final List<String> COLUMNS = List.of("code", "name");
    private static final TabularLimits SMALL = new TabularLimits(4, 10, 8L << 20, 100);

    @Test
    void aCsvRowWithMoreCellsThanTheCapIsReportedAtItsRow() {
        assertThatThrownBy(() -> readAll(TabularFormat.CSV, csv("code,name\nA,b,,,,\n"), SMALL))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems())
                        .containsExactly(new TabularFormatException.Problem(2, null,
                                "has more than 4 cells; a row may have at most 4")));
    }

    @Test
    void aCsvRowAtTheCellCapIsRead() {
        assertThat(readAll(TabularFormat.CSV, csv("code,name,,\nA,b,c,d\n"), SMALL)).isEqualTo(1);
    }

    @Test
    void aCsvCellOverTheTextCapIsReportedAtItsRowAndColumn() {
        assertThatThrownBy(() -> readAll(TabularFormat.CSV, csv("code,name\nA,0123456789\nB,01234567890\n"), SMALL))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).row()).isEqualTo(3);
                    assertThat(e.problems().get(0).column()).isEqualTo("B");
                    assertThat(e.problems().get(0).message()).contains("longer than 10 characters");
                });
    }

    @Test
    void anXlsxRowWithMoreCellsThanTheCapIsReportedAtItsRow() {
        byte[] xlsx = Spreadsheets.xlsx(new String[][]{{"code", "name"}, {"A", "b", "c", "d", "e"}});
        assertThatThrownBy(() -> readAll(TabularFormat.XLSX, xlsx, SMALL))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems())
                        .containsExactly(new TabularFormatException.Problem(2, null,
                                "has 5 cells; a row may have at most 4")));
    }

    @Test
    void anXlsxCellOverTheTextCapIsReportedAtItsRowAndColumn() {
        byte[] xlsx = Spreadsheets.xlsx(new String[][]{{"code", "name"}, {"A", "0123456789"}, {"B", "01234567890"}});
        assertThatThrownBy(() -> readAll(TabularFormat.XLSX, xlsx, SMALL))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems())
                        .containsExactly(new TabularFormatException.Problem(3, "B",
                                "the cell has 11 characters; a cell may hold at most 10")));
    }

    @Test
    void anXlsxPartInflatingBeyondTheRatioIsRefusedBeforeTheWorkbookIsRead() {
        byte[] bomb = XlsxBombs.workbook(COLUMNS, 64, -1);
        assertThatThrownBy(() -> readAll(TabularFormat.XLSX, bomb, SMALL))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems().get(0).message())
                        .startsWith("the workbook part xl/worksheets/sheet1.xml inflates to more than"));
    }

    @Test
    void anXlsxOverTheTotalInflatedSizeIsRefused() {
        byte[] bomb = XlsxBombs.workbook(COLUMNS, 9, -1);
        TabularLimits generousRatio = new TabularLimits(4, 10, 8L << 20, 100_000);
        assertThatThrownBy(() -> readAll(TabularFormat.XLSX, bomb, generousRatio))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("a workbook may inflate to at most 8388608 bytes in all"));
    }

    @Test
    void anXlsxPartInflatingBeyondItsDeclaredSizeIsRefused() {
        byte[] liar = XlsxBombs.workbook(COLUMNS, 2, 4_000);
        assertThatThrownBy(() -> readAll(TabularFormat.XLSX, liar, SMALL))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems().get(0).message())
                        .contains("inflates to another size than it declares"));
    }

    @Test
    void anXlsxWithinTheLimitsIsRead() {
        byte[] blankPadded = XlsxBombs.workbook(COLUMNS, 2, -1);
        TabularLimits generousRatio = new TabularLimits(4, 10, 8L << 20, 100_000);
        assertThat(readAll(TabularFormat.XLSX, blankPadded, generousRatio)).isZero();
    }

    private static int readAll(TabularFormat format, byte[] content, TabularLimits limits) {
        int rows = 0;
        try (TabularReader reader = TabularReader.open(new ByteArrayInputStream(content), format, COLUMNS, Map.of(),
                limits)) {
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
        }
        return rows;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
