package cn.qhzgh.study.common.tabular;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

/**
 * Streams RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) through Apache
 * Commons CSV. A record is one spreadsheet row, blank ones included, so row numbers are those Excel shows; every
 * problem is reported at the row the parser was in.
 */
final class CsvRecordSource implements RecordSource {

    /**
     * Blank lines are rows too; spaces around a cell are dropped (so a quote after them still opens a quoted cell),
     * and text after a closing quote is kept as Excel keeps it.
     */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrailingData(true)
            .get();

    private final CsvText text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final TabularLimits limits;
    private long rowNumber;

    private CsvRecordSource(CsvText text, TabularLimits limits) throws IOException {
        this.text = text;
        this.parser = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        this.records = parser.iterator();
        this.limits = limits;
    }

    /** @param in a stream supporting mark/reset, needed to sniff the charset */
    static CsvRecordSource open(InputStream in, TabularLimits limits) throws IOException {
        return new CsvRecordSource(CsvCharsets.open(in, limits), limits);
    }

    @Override
    public SourceRecord next() {
        long row = rowNumber + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (CsvText.UndecodableException | CsvText.RowTooLongException e) {
            throw TabularFormatException.ofRow(row, e.getMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                // with trailing text kept and no escape character, the parser's only complaint is an open quote at the end
                throw TabularFormatException.ofRow(row, "a quoted cell starts here but its closing \" is missing");
            }
            throw e;
        }
        rowNumber = row;
        text.rowEnded();
        return new SourceRecord(row, checked(row, record.toList()));
    }

    private List<String> checked(long row, List<String> cells) {
        if (cells.size() > limits.maxCellsPerRow()) {
            throw TabularFormatException.ofRow(row, "has more than " + limits.maxCellsPerRow()
                    + " cells; a row may have at most " + limits.maxCellsPerRow());
        }
        for (int cell = 0; cell < cells.size(); cell++) {
            if (cells.get(cell).length() > limits.maxCellChars()) {
                throw TabularFormatException.ofCell(row, cell, "the cell is longer than " + limits.maxCellChars()
                        + " characters, the most a cell may hold; is a closing \" missing?");
            }
        }
        return cells;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
