package cn.qhzgh.study.common.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class TabularReaderXlsxTest {

    private static final List<String> WORKER_COLUMNS = List.of("external_id", "name", "org_code", "phone");

    @Test
    void numericCellsReadAsTypedAndBlankRowsKeepSheetRowNumbers() {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, 0, "external_id", "name", "org_code", "phone");
            sheet.value(1, 0, 1001L);
            sheet.value(1, 1, "张三");
            sheet.value(1, 2, "QH-XN-CD");
            sheet.value(1, 3, 13800138000L);
            // row index 2 is never written; row index 3 holds only empty text
            sheet.value(3, 1, "  ");
            sheet.value(4, 0, "W-2");
            sheet.value(4, 1, " 李四 ");
            sheet.value(4, 2, "QH-XN-CZ");
            sheet.value(4, 3, 13900139000d);
            sheet.value(5, 0, 2.5d);
            sheet.value(5, 1, true);
        });

        List<TabularRow> rows = readAll(xlsx);

        assertThat(rows).extracting(TabularRow::rowNumber).containsExactly(2L, 5L, 6L);
        assertThat(rows.get(0).cell("external_id")).isEqualTo("1001");
        assertThat(rows.get(0).cell("phone")).isEqualTo("13800138000");
        assertThat(rows.get(1).cell("name")).isEqualTo("李四");
        assertThat(rows.get(1).cell("phone")).isEqualTo("13900139000");
        assertThat(rows.get(2).cell("external_id")).isEqualTo("2.5");
        assertThat(rows.get(2).cell("name")).isEqualTo("TRUE");
        assertThat(rows.get(2).cell("phone")).isEmpty();
    }

    @Test
    void headerMayStartBelowBlankRowsAndIgnoresUnknownColumns() {
        byte[] xlsx = workbook(sheet -> {
            header(sheet, 2, "序号", "Phone", "NAME", "org_code", "External_ID");
            sheet.value(3, 0, 1);
            sheet.value(3, 1, "13800138000");
            sheet.value(3, 2, "王五");
            sheet.value(3, 3, "QH-HD");
            sheet.value(3, 4, "W-9");
        });

        TabularRow row = readAll(xlsx).get(0);

        assertThat(row.rowNumber()).isEqualTo(4);
        assertThat(row.cells()).containsEntry("external_id", "W-9").containsEntry("name", "王五")
                .containsEntry("phone", "13800138000").hasSize(4);
    }

    @Test
    void missingColumnIsNamedWithTheHeaderRow() {
        byte[] xlsx = workbook(sheet -> header(sheet, 0, "external_id", "name", "org_code"));

        assertThatThrownBy(() -> readAll(xlsx))
                .isInstanceOf(TabularFormatException.class)
                .hasMessage("row 1, column phone: required column is missing from the header");
    }

    @Test
    void corruptWorkbooksAreRejectedWithAPlainMessage() {
        byte[] truncatedZip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00};
        byte[] zipWithoutWorkbook = zip("readme.txt", "not a workbook");
        byte[] csvText = "external_id,name,org_code,phone\n".getBytes(StandardCharsets.UTF_8);

        for (byte[] corrupt : List.of(truncatedZip, zipWithoutWorkbook, csvText)) {
            assertThatThrownBy(() -> readAll(corrupt))
                    .isInstanceOf(TabularFormatException.class)
                    .hasMessageStartingWith("file: not")
                    .hasMessageContaining("XLSX workbook");
        }
    }

    @Test
    void legacyXlsIsRejected() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

        assertThatThrownBy(() -> readAll(ole2)).isInstanceOf(TabularFormatException.class).hasMessageContaining(".xls");
    }

    @Test
    void numbersLoseBinaryNoiseAndTrailingZeros() {
        assertThat(XlsxRecordSource.formatNumber("13800138000")).isEqualTo("13800138000");
        assertThat(XlsxRecordSource.formatNumber("1.3800138E10")).isEqualTo("13800138000");
        assertThat(XlsxRecordSource.formatNumber("42.0")).isEqualTo("42");
        assertThat(XlsxRecordSource.formatNumber("0.30000000000000004")).isEqualTo("0.3");
        assertThat(XlsxRecordSource.formatNumber("-1.5E-3")).isEqualTo("-0.0015");
    }

    private static List<TabularRow> readAll(byte[] content) {
        List<TabularRow> rows = new ArrayList<>();
        try (TabularReader reader = TabularReader.open(new ByteArrayInputStream(content), TabularFormat.XLSX,
                WORKER_COLUMNS)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static void header(Worksheet sheet, int row, String... names) {
        for (int column = 0; column < names.length; column++) {
            sheet.value(row, column, names[column]);
        }
    }

    private static byte[] workbook(Consumer<Worksheet> fill) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "study-service-test", "1.0");
            fill.accept(workbook.newWorksheet("职工"));
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String entryName, String content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entryName));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
