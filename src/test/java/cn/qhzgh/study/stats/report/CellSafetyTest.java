package cn.qhzgh.study.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"=SUM(A1)", "+86 138 0013 8000", "-1", "@cmd", "\tx", "\rx", "=", "=HYPERLINK(\"x\")"})
    void cellsThatCouldStartAFormulaGetALeadingQuote(String cell) {
        assertThat(CellSafety.neutralise(cell)).isEqualTo("'" + cell);
    }

    // "'=SUM(A1)" also shows that neutralising twice adds no second quote
    @ParameterizedTest
    @ValueSource(strings = {"张三", "1-2", "QH-XN", "a=b", " =SUM(A1)", "'=SUM(A1)", "", "2026-11-24"})
    void otherCellsAreUntouched(String cell) {
        assertThat(CellSafety.neutralise(cell)).isEqualTo(cell);
    }

    @Test
    void nullStaysNull() {
        assertThat(CellSafety.neutralise(null)).isNull();
    }
}
