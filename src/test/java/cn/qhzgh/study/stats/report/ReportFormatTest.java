package cn.qhzgh.study.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void formatsKnowTheirMediaTypeAndExtension() {
        assertThat(ReportFormat.CSV.mediaType()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(ReportFormat.CSV.extension()).isEqualTo("csv");
        assertThat(ReportFormat.XLSX.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ReportFormat.XLSX.extension()).isEqualTo("xlsx");
    }

    @Test
    void parametersNameAFormatInAnyCase() {
        assertThat(ReportFormat.fromParameter(" Xlsx ")).contains(ReportFormat.XLSX);
        assertThat(ReportFormat.fromParameter("csv")).contains(ReportFormat.CSV);
        assertThat(ReportFormat.fromParameter("xls")).isEmpty();
        assertThat(ReportFormat.fromParameter("")).isEmpty();
        assertThat(ReportFormat.fromParameter(null)).isEmpty();
    }
}
