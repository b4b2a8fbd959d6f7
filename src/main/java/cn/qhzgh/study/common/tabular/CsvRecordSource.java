package cn.qhzgh.study.common.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF).
 * Decodes bytes itself, rather than via InputStreamReader, so an invalid byte is reported at its exact row.
 */
final class CsvRecordSource implements RecordSource {

    private static final int EOF = -1;

    private final InputStream in;
    private final TabularLimits limits;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final byte[] byteArray = new byte[16 * 1024];
    private final ByteBuffer bytes = ByteBuffer.wrap(byteArray).limit(0);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).limit(0);
    private final StringBuilder cell = new StringBuilder();
    private boolean endOfBytes;
    private boolean decodedAll;
    private long rowNumber;
    private int cellIndex;

    private CsvRecordSource(InputStream in, Charset charset, TabularLimits limits) {
        this.in = in;
        this.limits = limits;
        this.charset = charset;
        this.decoder = CsvCharsets.strictDecoder(charset);
    }

    /** @param in a stream supporting mark/reset, needed to sniff the charset */
    static CsvRecordSource open(InputStream in, TabularLimits limits) throws IOException {
        return new CsvRecordSource(in, CsvCharsets.detectAndSkipBom(in), limits);
    }

    @Override
    public SourceRecord next() {
        rowNumber++; // counted before reading, so a bad byte opening this record is reported at this row
        int c = read();
        if (c == EOF) {
            rowNumber--;
            return null;
        }
        List<String> cells = new ArrayList<>();
        while (true) {
            cellIndex = cells.size();
            if (cellIndex >= limits.maxCellsPerRow()) {
                throw TabularFormatException.ofRow(rowNumber, "has more than " + limits.maxCellsPerRow()
                        + " cells; a row may have at most " + limits.maxCellsPerRow());
            }
            c = readCell(c);
            cells.add(cell.toString());
            if (c != ',') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                return new SourceRecord(rowNumber, cells);
            }
            c = read();
        }
    }

    /** Reads one cell, starting with {@code c}, into {@link #cell}; returns the character that ended it. */
    private int readCell(int c) {
        cell.setLength(0);
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                readQuoted();
            } else {
                append(c);
            }
            c = read();
        }
        return c;
    }

    private void readQuoted() {
        long startRow = rowNumber;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw TabularFormatException.ofRow(startRow, "a quoted cell starts here but its closing \" is missing");
            }
            if (c == '"') {
                if (peek() != '"') {
                    return;
                }
                read();
            }
            append(c);
        }
    }

    private void append(int c) {
        if (cell.length() >= limits.maxCellChars()) {
            throw TabularFormatException.ofCell(rowNumber, cellIndex, "the cell is longer than "
                    + limits.maxCellChars() + " characters, the most a cell may hold; is a closing \" missing?");
        }
        cell.append((char) c);
    }

    private int read() {
        int c = peek();
        if (c != EOF) {
            chars.get();
        }
        return c;
    }

    private int peek() {
        if (!chars.hasRemaining() && !decodeMore()) {
            return EOF;
        }
        return chars.get(chars.position());
    }

    private boolean decodeMore() {
        chars.clear();
        try {
            while (chars.position() == 0 && !decodedAll) {
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                if (result.isError()) {
                    if (chars.position() > 0) {
                        break; // hand out the valid text first so the error is reported at its own row
                    }
                    throw undecodable();
                }
                if (result.isUnderflow()) {
                    if (endOfBytes) {
                        decodedAll = true;
                    } else {
                        readMoreBytes();
                    }
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    private void readMoreBytes() {
        bytes.compact();
        try {
            int read = in.read(byteArray, bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfBytes = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.flip();
    }

    private TabularFormatException undecodable() {
        String expected = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-8 or GBK";
        return TabularFormatException.ofRow(rowNumber,
                "contains bytes that are not valid " + expected + " text; save the file as \"CSV UTF-8\"");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
