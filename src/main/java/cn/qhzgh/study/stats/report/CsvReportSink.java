package cn.qhzgh.study.stats.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with CRLF line ends, written by Commons CSV. A byte order mark comes first: without it Excel
 * reads the file as GBK on Chinese Windows and garbles every name.
 */
final class CsvReportSink implements ReportSink {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** Bytes reach the caller's stream whenever this fills, so memory stays the same for any number of rows. */
    private static final int BUFFER_CHARS = 16 * 1024;
    /** Fields as given, comma-separated, CRLF after each record; {@link #QUOTED} encloses the fields that need it. */
    private static final CSVFormat RECORDS = CSVFormat.RFC4180.builder().setQuote(null).get();
    /**
     * Encloses one field in quotes, doubling those inside. Only fields holding a comma, quote or line break get it:
     * Commons CSV's own MINIMAL mode would also quote e.g. a leading space or '#', and change files people diff.
     */
    private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

    private final Writer writer;
    private final CSVPrinter printer;
    private final ZoneId zone;
    private final SinkState state = new SinkState();

    CsvReportSink(OutputStream out, ZoneId zone) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        this.zone = zone;
        try {
            writer.write(BYTE_ORDER_MARK);
            this.printer = new CSVPrinter(writer, RECORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void header(List<String> columns) {
        writeRecord(state.acceptHeader(columns));
    }

    @Override
    public void row(List<Object> cells) {
        state.acceptRow(cells);
        writeRecord(cells);
    }

    @Override
    public void close() {
        if (!state.close()) {
            return;
        }
        try {
            // Not printer.close(): that would close the caller's stream too.
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeRecord(List<?> cells) {
        List<String> fields = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            fields.add(field(text(cell)));
        }
        try {
            printer.printRecord(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof String string) {
            return CellSafety.neutralise(string);
        }
        if (cell instanceof Number number) {
            return CellValues.plainNumber(number);
        }
        if (cell instanceof Boolean bool) {
            return CellValues.yesNo(bool);
        }
        if (cell instanceof Instant instant) {
            return CellValues.DATE_TIME.format(instant.atZone(zone));
        }
        if (cell instanceof LocalDate day) {
            return day.toString();
        }
        throw CellValues.unsupported(cell);
    }

    private static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return QUOTED.format(text);
            }
        }
        return text;
    }
}
