package cn.qhzgh.study.common.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Streams the rows of the first sheet of an XLSX workbook, every cell rendered as text.
 * The upload is spooled to a temporary file because a ZIP can only be read from its end; fastexcel
 * would otherwise hold the whole file in memory.
 */
final class XlsxRecordSource implements RecordSource {

    /** Excel displays at most 15 significant digits; more would expose binary rounding noise. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final Path spoolFile;
    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> rowIterator;
    private final TabularLimits limits;
    private long lastRowNumber;

    private XlsxRecordSource(Path spoolFile, ReadableWorkbook workbook, Stream<Row> rows, TabularLimits limits) {
        this.spoolFile = spoolFile;
        this.limits = limits;
        this.workbook = workbook;
        this.rows = rows;
        this.rowIterator = rows.iterator();
    }

    static XlsxRecordSource open(InputStream in, TabularLimits limits) throws IOException {
        Path spoolFile = Files.createTempFile("tabular-upload-", ".xlsx");
        ReadableWorkbook workbook = null;
        try {
            Files.copy(in, spoolFile, StandardCopyOption.REPLACE_EXISTING);
            ZipInflation.check(spoolFile, limits);
            workbook = openWorkbook(spoolFile);
            return new XlsxRecordSource(spoolFile, workbook, openFirstSheet(workbook), limits);
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook, e);
            Files.deleteIfExists(spoolFile);
            throw e;
        }
    }

    private static ReadableWorkbook openWorkbook(Path file) {
        try {
            return new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook(e);
        }
    }

    private static Stream<Row> openFirstSheet(ReadableWorkbook workbook) {
        try {
            return workbook.getFirstSheet().openStream();
        } catch (IOException | RuntimeException e) {
            throw notAWorkbook(e);
        }
    }

    private static TabularFormatException notAWorkbook(Exception cause) {
        TabularFormatException problem =
                TabularFormatException.ofFile("not a readable XLSX workbook; open it in Excel and save it again as .xlsx");
        problem.initCause(cause);
        return problem;
    }

    @Override
    public SourceRecord next() {
        try {
            if (!rowIterator.hasNext()) {
                return null;
            }
            Row row = rowIterator.next();
            lastRowNumber = row.getRowNum();
            return new SourceRecord(lastRowNumber, cellTexts(row, lastRowNumber));
        } catch (ExcelReaderException | UncheckedIOException e) {
            TabularFormatException problem = TabularFormatException.ofRow(lastRowNumber + 1,
                    "the sheet is damaged from this row on; open it in Excel and save it again");
            problem.initCause(e);
            throw problem;
        }
    }

    private List<String> cellTexts(Row row, long rowNumber) {
        if (row.getCellCount() > limits.maxCellsPerRow()) {
            throw TabularFormatException.ofRow(rowNumber, "has " + row.getCellCount()
                    + " cells; a row may have at most " + limits.maxCellsPerRow());
        }
        List<String> texts = new ArrayList<>(row.getCellCount());
        for (int column = 0; column < row.getCellCount(); column++) {
            String text = text(row.getCell(column));
            if (text.length() > limits.maxCellChars()) {
                throw TabularFormatException.ofCell(rowNumber, column, "the cell has " + text.length()
                        + " characters; a cell may hold at most " + limits.maxCellChars());
            }
            texts.add(text);
        }
        return texts;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> formatNumber(cell.getRawValue());
            case BOOLEAN -> Boolean.TRUE.equals(cell.asBoolean()) ? "TRUE" : "FALSE";
            case EMPTY -> "";
            default -> cell.getText();
        };
    }

    /** Integral numbers lose their ".0" and exponent, so a phone typed as a number reads back as typed. */
    static String formatNumber(String raw) {
        try {
            return new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
            workbook.close();
        } finally {
            Files.deleteIfExists(spoolFile);
        }
    }

    private static void closeQuietly(ReadableWorkbook workbook, Exception primary) {
        if (workbook != null) {
            try {
                workbook.close();
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
    }
}
