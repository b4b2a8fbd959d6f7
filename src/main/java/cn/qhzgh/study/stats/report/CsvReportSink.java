package cn.qhzgh.study.stats.report;

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
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with CRLF line ends. A byte order mark comes first: without it Excel reads the file as
 * GBK on Chinese Windows and garbles every name.
 */
final class CsvReportSink implements ReportSink {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String LINE_END = "\r\n";
    private static final char SEPARATOR = ',';
    private static final char QUOTE = '"';
    /** Bytes reach the caller's stream whenever this fills, so memory stays the same for any number of rows. */
    private static final int BUFFER_CHARS = 16 * 1024;

    private final Writer writer;
    private final ZoneId zone;
    private final SinkState state = new SinkState();

    CsvReportSink(OutputStream out, ZoneId zone) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER_CHARS);
        this.zone = zone;
        write(String.valueOf(BYTE_ORDER_MARK));
    }

    @Override
    public void header(List<String> columns) {
        writeLine(state.acceptHeader(columns));
    }

    @Override
    public void row(List<Object> cells) {
        state.acceptRow(cells);
        writeLine(cells);
    }

    @Override
    public void close() {
        if (!state.close()) {
            return;
        }
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeLine(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(SEPARATOR);
            }
            appendField(line, text(cells.get(i)));
        }
        write(line.append(LINE_END).toString());
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

    private static void appendField(StringBuilder line, String field) {
        if (!needsQuotes(field)) {
            line.append(field);
            return;
        }
        line.append(QUOTE);
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == QUOTE) {
                line.append(QUOTE);
            }
            line.append(c);
        }
        line.append(QUOTE);
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == SEPARATOR || c == QUOTE || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private void write(String text) {
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
