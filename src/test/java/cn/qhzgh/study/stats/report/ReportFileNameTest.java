package cn.qhzgh.study.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportFileNameTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void namesOrgSheetDayAndExtension() {
        assertThat(ReportFileName.of("QH-XN", "workers", DAY, ReportFormat.CSV))
                .isEqualTo("QH-XN_workers_2026-11-24.csv");
        assertThat(ReportFileName.of("QH.HD_01", "orgs", DAY, ReportFormat.XLSX))
                .isEqualTo("QH.HD_01_orgs_2026-11-24.xlsx");
    }

    @Test
    void contentDispositionQuotesTheName() {
        String name = ReportFileName.of("QH-XN", "workers", DAY, ReportFormat.XLSX);

        assertThat(ReportFileName.contentDisposition(name))
                .isEqualTo("attachment; filename=\"QH-XN_workers_2026-11-24.xlsx\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "QH XN", "QH/XN", "..\\x", "QH\"XN", "西宁", "QH-XN\r\nSet-Cookie: a=b"})
    void refusesOrgCodesThatAreNotSafeAscii(String orgCode) {
        assertThatThrownBy(() -> ReportFileName.of(orgCode, "workers", DAY, ReportFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org code");
    }

    @Test
    void refusesUnsafeSheetsAndFileNames() {
        assertThatThrownBy(() -> ReportFileName.of("QH-XN", "职工", DAY, ReportFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sheet");
        assertThatThrownBy(() -> ReportFileName.contentDisposition("a\";b.csv"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportFileName.of(null, "workers", DAY, ReportFormat.CSV))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
