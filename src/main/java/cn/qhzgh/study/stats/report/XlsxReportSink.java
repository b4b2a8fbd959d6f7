package cn.qhzgh.study.stats.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams an XLSX workbook with fastexcel. Text goes into inline strings rather than the shared strings table,
 * which fastexcel keeps in memory until the end and which would grow with every distinct worker name. Rows
 * beyond Excel's 1,048,576 per sheet continue on {@code <sheet>-2}, {@code <sheet>-3}, ..., each with the header.
 */
final class XlsxReportSink implements ReportSink {

    /** Excel's limit, header row included. */
    static final int EXCEL_MAX_ROWS = Worksheet.MAX_ROWS;
    /** Written rows leave memory for the ZIP stream every this many rows. */
    private static final int FLUSH_EVERY_ROWS = 1_000;
    private static final int MAX_SHEET_NAME_LENGTH = 31;
    private static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final String DATE_FORMAT = "yyyy-mm-dd";
    private static final String APPLICATION = "study-service";
    private static final String APPLICATION_VERSION = "1.0";

    private final OutputStream out;
    private final Workbook workbook;
    private final String sheetName;
    private final ZoneId zone;
    private final int rowsPerSheet;
    private final SinkState state = new SinkState();
    private List<String> columns;
    private Worksheet sheet;
    private int sheetCount;
    private int nextRow;

    /** @param rowsPerSheet rows per sheet including the header; {@link #EXCEL_MAX_ROWS} except in tests */
    XlsxReportSink(OutputStream out, String sheetName, ZoneId zone, int rowsPerSheet) {
        if (rowsPerSheet < 2 || rowsPerSheet > EXCEL_MAX_ROWS) {
            throw new IllegalArgumentException("rows per sheet must be between 2 and " + EXCEL_MAX_ROWS);
        }
        this.out = out;
        this.workbook = new Workbook(out, APPLICATION, APPLICATION_VERSION);
        this.sheetName = sheetName;
        this.zone = zone;
        this.rowsPerSheet = rowsPerSheet;
    }

    @Override
    public void header(List<String> header) {
        columns = state.acceptHeader(header);
        startSheet();
    }

    @Override
    public void row(List<Object> cells) {
        state.acceptRow(cells);
        if (nextRow == rowsPerSheet) {
            startSheet();
        }
        for (int column = 0; column < cells.size(); column++) {
            write(nextRow, column, cells.get(column));
        }
        nextRow++;
        if (nextRow % FLUSH_EVERY_ROWS == 0) {
            io(sheet::flush);
        }
    }

    @Override
    public void close() {
        if (!state.close()) {
            return;
        }
        if (sheet == null) {
            // a workbook needs a sheet, even for a report that never got its header
            workbook.newWorksheet(sheetName);
        }
        io(() -> {
            workbook.finish();
            out.flush();
        });
    }

    private void startSheet() {
        if (sheet != null) {
            // the finished sheet's ZIP entry must be closed before the next one's rows can stream
            io(sheet::finish);
        }
        sheetCount++;
        sheet = workbook.newWorksheet(sheetCount == 1 ? sheetName : continuationName(sheetCount));
        for (int column = 0; column < columns.size(); column++) {
            sheet.inlineString(0, column, CellSafety.neutralise(columns.get(column)));
            sheet.style(0, column).bold().set();
        }
        // keeps the titles in view while scrolling through a million rows
        sheet.freezePane(0, 1);
        nextRow = 1;
    }

    private String continuationName(int number) {
        String suffix = "-" + number;
        int baseLength = Math.min(sheetName.length(), MAX_SHEET_NAME_LENGTH - suffix.length());
        return sheetName.substring(0, baseLength) + suffix;
    }

    private void write(int row, int column, Object cell) {
        if (cell == null) {
            return;
        }
        if (cell instanceof String string) {
            sheet.inlineString(row, column, CellSafety.neutralise(string));
        } else if (cell instanceof Number number) {
            sheet.value(row, column, CellValues.requireFinite(number));
        } else if (cell instanceof Boolean bool) {
            sheet.inlineString(row, column, CellValues.yesNo(bool));
        } else if (cell instanceof Instant instant) {
            // Excel has no time zones: the cell holds the wall-clock time in the report's zone
            sheet.value(row, column, instant.atZone(zone).toLocalDateTime());
            sheet.style(row, column).format(DATE_TIME_FORMAT).set();
        } else if (cell instanceof LocalDate day) {
            sheet.value(row, column, day);
            sheet.style(row, column).format(DATE_FORMAT).set();
        } else {
            throw CellValues.unsupported(cell);
        }
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
