package cn.qhzgh.study.stats.report;

import java.io.OutputStream;
import java.time.ZoneId;
import java.util.Objects;

/** Opens the {@link ReportSink} for a format. */
public final class ReportSinks {

    private ReportSinks() {
    }

    /**
     * A sink writing to {@code out}, which it flushes but never closes.
     *
     * @param sheetName the XLSX sheet name (Excel allows 31 characters; continuation sheets add {@code -2} etc.);
     *                  CSV has no sheets and ignores it
     * @param zone      the zone {@link java.time.Instant} cells are shown in, e.g. Asia/Shanghai
     */
    public static ReportSink open(ReportFormat format, OutputStream out, String sheetName, ZoneId zone) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(zone, "zone");
        if (sheetName == null || sheetName.isBlank()) {
            throw new IllegalArgumentException("sheet name must not be blank");
        }
        return switch (format) {
            case CSV -> new CsvReportSink(out, zone);
            case XLSX -> new XlsxReportSink(out, sheetName, zone, XlsxReportSink.EXCEL_MAX_ROWS);
        };
    }
}
