package cn.qhzgh.study.stats.report;

import static cn.qhzgh.study.stats.report.ReportSinksTest.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class ReportSinksXlsxTest {

    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

    @Test
    void headerAndTypedCellsReadBack() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportSink sink = ReportSinks.open(ReportFormat.XLSX, out, "职工", SHANGHAI)) {
            sink.header(List.of("姓名", "完成时间", "日期", "得分", "完成率", "金额", "已完成", "备注"));
            sink.row(Arrays.asList("张三", Instant.parse("2026-11-24T01:02:03Z"), LocalDate.of(2026, 11, 24),
                    -5, 0.85d, new BigDecimal("12.50"), true, null));
        }

        List<ReadSheet> sheets = sheets(out.toByteArray());
        assertThat(sheets).extracting(ReadSheet::name).containsExactly("职工");
        List<Row> rows = sheets.get(0).rows();
        assertThat(texts(rows.get(0))).containsExactly("姓名", "完成时间", "日期", "得分", "完成率", "金额", "已完成", "备注");
        Row row = rows.get(1);
        assertThat(row.getCell(0).asString()).isEqualTo("张三");
        assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
        assertThat(row.getCell(1).asDate()).isEqualTo(LocalDateTime.of(2026, 11, 24, 9, 2, 3));
        assertThat(row.getCell(1).getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
        assertThat(row.getCell(2).asDate()).isEqualTo(LocalDateTime.of(2026, 11, 24, 0, 0));
        assertThat(row.getCell(2).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(row.getCell(3).getType()).isEqualTo(CellType.NUMBER);
        assertThat(row.getCell(3).asNumber()).isEqualByComparingTo("-5");
        assertThat(row.getCell(4).asNumber()).isEqualByComparingTo("0.85");
        assertThat(row.getCell(5).asNumber()).isEqualByComparingTo("12.5");
        assertThat(row.getCell(6).asString()).isEqualTo("是");
        assertThat(row.getCellAsString(7)).isEmpty();
    }

    @Test
    void textThatCouldRunAsAFormulaStaysTextWithALeadingQuote() {
        byte[] xlsx = xlsx(XlsxReportSink.EXCEL_MAX_ROWS, sink -> {
            sink.header(List.of("=HYPERLINK(\"http://x\")", "值"));
            for (String text : List.of("=SUM(A1)", "+86 138", "-1", "@cmd", "\tx", "\rx", "张三", "1-2")) {
                sink.row(List.of(text, -5));
            }
        });

        ReadSheet sheet = sheets(xlsx).get(0);
        List<Row> rows = sheet.dataRows();
        assertThat(rows).extracting(row -> row.getCell(0).asString())
                .containsExactly("'=SUM(A1)", "'+86 138", "'-1", "'@cmd", "'\tx", "'\rx", "张三", "1-2");
        assertThat(rows).extracting(row -> row.getCell(0).getType()).containsOnly(CellType.STRING);
        assertThat(rows).extracting(row -> row.getCell(1).asNumber().intValue()).containsOnly(-5);
        assertThat(sheet.rows().get(0).getCell(0).asString()).isEqualTo("'=HYPERLINK(\"http://x\")");
    }

    @Test
    void rowsBeyondTheSheetLimitContinueOnNumberedSheetsWithTheHeader() {
        byte[] xlsx = xlsx(5, sink -> {
            sink.header(List.of("工号", "序号"));
            for (int i = 1; i <= 10; i++) {
                sink.row(List.of("W" + i, i));
            }
        });

        List<ReadSheet> sheets = sheets(xlsx);
        assertThat(sheets).extracting(ReadSheet::name).containsExactly("workers", "workers-2", "workers-3");
        assertThat(sheets).allSatisfy(sheet -> assertThat(texts(sheet.rows().get(0))).containsExactly("工号", "序号"));
        assertThat(sheets).extracting(sheet -> sheet.rows().size()).containsExactly(5, 5, 3);
        assertThat(sheets.stream().flatMap(sheet -> sheet.dataRows().stream()).map(row -> row.getCell(0).asString()))
                .containsExactly("W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10");
    }

    @Test
    void aFullSheetStartsNoEmptyOne() {
        byte[] xlsx = xlsx(5, sink -> {
            sink.header(List.of("序号"));
            for (int i = 1; i <= 4; i++) {
                sink.row(List.of(i));
            }
        });

        assertThat(sheets(xlsx)).extracting(ReadSheet::name).containsExactly("workers");
    }

    @Test
    void continuationSheetNamesStayWithinExcelsThirtyOneCharacters() {
        String longName = "青海省总工会职工学习情况统计表按单位按月份汇总及明细报表";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportSink sink = new XlsxReportSink(out, longName, SHANGHAI, 2)) {
            sink.header(List.of("序号"));
            sink.row(List.of(1));
            sink.row(List.of(2));
        }

        List<String> names = sheets(out.toByteArray()).stream().map(ReadSheet::name).toList();
        assertThat(names).hasSize(2).allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(31));
        assertThat(names.get(1)).endsWith("-2");
    }

    @Test
    void aReportClosedWithoutHeaderIsAnEmptyWorkbook() {
        byte[] xlsx = xlsx(XlsxReportSink.EXCEL_MAX_ROWS, sink -> { });

        List<ReadSheet> sheets = sheets(xlsx);
        assertThat(sheets).extracting(ReadSheet::name).containsExactly("workers");
        assertThat(sheets.get(0).rows()).isEmpty();
    }

    private static byte[] xlsx(int rowsPerSheet, Consumer<ReportSink> content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportSink sink = new XlsxReportSink(out, "workers", SHANGHAI, rowsPerSheet)) {
            content.accept(sink);
        }
        return out.toByteArray();
    }

    /** Reads every sheet, with cell formats, while the workbook is open; fastexcel cannot read one after. */
    private static List<ReadSheet> sheets(byte[] xlsx) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), WITH_FORMATS)) {
            List<ReadSheet> sheets = new ArrayList<>();
            for (Sheet sheet : workbook.getSheets().toList()) {
                sheets.add(new ReadSheet(sheet.getName(), sheet.read()));
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(Cell::asString).toList();
    }

    private record ReadSheet(String name, List<Row> rows) {

        List<Row> dataRows() {
            return rows.subList(1, rows.size());
        }
    }
}
