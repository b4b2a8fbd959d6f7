package cn.qhzgh.study.common.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Streams the data rows of an uploaded CSV or XLSX file whose first non-blank row is a header.
 * Blank rows are skipped; row numbers stay those the admin sees in Excel.
 *
 * <p>Takes ownership of the input stream: {@link #close()} closes it, and so does a failing {@code open}.
 * Problems with the file surface as {@link TabularFormatException}, from {@code open} for the header and
 * from {@link #hasNext()}/{@link #next()} for damage further down.
 */
public final class TabularReader implements AutoCloseable, Iterator<TabularRow> {

    private final RecordSource source;
    private final List<String> columns;
    private final int[] positions;
    private TabularRow pending;
    private boolean exhausted;

    private TabularReader(RecordSource source, List<String> columns, int[] positions) {
        this.source = source;
        this.columns = columns;
        this.positions = positions;
    }

    /** Opens a reader whose header must contain each of {@code expectedColumns} (other columns are ignored). */
    public static TabularReader open(InputStream in, TabularFormat format, List<String> expectedColumns) {
        return open(in, format, expectedColumns, Map.of(), TabularLimits.DEFAULTS);
    }

    /**
     * Like {@link #open(InputStream, TabularFormat, List)}, also accepting alternative header names,
     * e.g. {@code Map.of("name", List.of("姓名"))}, and within {@code limits}. Rows are still keyed by the expected
     * column name.
     */
    public static TabularReader open(InputStream in, TabularFormat format, List<String> expectedColumns,
                                     Map<String, List<String>> aliases, TabularLimits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(format, "format");
        HeaderMatcher matcher = new HeaderMatcher(expectedColumns, aliases);
        RecordSource source = openSource(in, format, limits);
        try {
            SourceRecord header = firstNonBlank(source);
            if (header == null) {
                throw TabularFormatException.ofFile(
                        "the file has no rows; its first row must be the header " + matcher.columns());
            }
            return new TabularReader(source, matcher.columns(), matcher.match(header));
        } catch (RuntimeException e) {
            closeAfterFailure(source, e);
            throw e;
        }
    }

    private static RecordSource openSource(InputStream in, TabularFormat format, TabularLimits limits) {
        // large enough for the charset sniffer to mark and rewind its whole sample
        BufferedInputStream buffered = new BufferedInputStream(in, CsvCharsets.SAMPLE_BYTES);
        try {
            byte[] head = TabularFormat.peekMagic(buffered);
            if (TabularFormat.isLegacyExcel(head)) {
                throw TabularFormatException.ofFile(
                        "old Excel 97-2003 (.xls) files are not supported; save it as .xlsx or as CSV UTF-8");
            }
            if (format == TabularFormat.CSV && TabularFormat.isZip(head)) {
                throw TabularFormatException.ofFile("this is an Excel .xlsx workbook, not a CSV file");
            }
            if (format == TabularFormat.XLSX && !TabularFormat.isZip(head)) {
                throw TabularFormatException.ofFile("not an XLSX workbook; open it in Excel and save it as .xlsx");
            }
            return format == TabularFormat.CSV ? CsvRecordSource.open(buffered, limits)
                    : XlsxRecordSource.open(buffered, limits);
        } catch (IOException e) {
            closeAfterFailure(buffered, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAfterFailure(buffered, e);
            throw e;
        }
    }

    private static SourceRecord firstNonBlank(RecordSource source) {
        SourceRecord record = source.next();
        while (record != null && record.isBlank()) {
            record = source.next();
        }
        return record;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !exhausted) {
            SourceRecord record = firstNonBlank(source);
            if (record == null) {
                exhausted = true;
            } else {
                pending = toRow(record);
            }
        }
        return pending != null;
    }

    @Override
    public TabularRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TabularRow row = pending;
        pending = null;
        return row;
    }

    private TabularRow toRow(SourceRecord record) {
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < positions.length; i++) {
            int position = positions[i];
            cells.put(columns.get(i), position < record.cells().size() ? record.cells().get(position).strip() : "");
        }
        return new TabularRow(record.rowNumber(), cells);
    }

    /** Closes the underlying stream and deletes any temporary file. */
    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeAfterFailure(AutoCloseable resource, Exception primary) {
        try {
            resource.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }
}
