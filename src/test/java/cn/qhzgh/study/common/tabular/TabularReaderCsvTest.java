package cn.qhzgh.study.common.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.qhzgh.study.common.tabular.TabularFormatException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TabularReaderCsvTest {

    static final List<String> ORG_COLUMNS = List.of("code", "name", "type", "parent_code");
    private static final String ORG_CSV = """
            code,name,type,parent_code
            QH,青海省总工会,PROVINCE,
            QH-XN,西宁市总工会,CITY,QH
            QH-XN-CD,城东区总工会,COUNTY,QH-XN
            """;

    @Test
    void utf8WithAndWithoutBomAndGbkYieldTheSameRows() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        List<TabularRow> utf8 = readAll(ORG_CSV.getBytes(StandardCharsets.UTF_8), ORG_COLUMNS);
        List<TabularRow> utf8WithBom = readAll(concat(bom, ORG_CSV.getBytes(StandardCharsets.UTF_8)), ORG_COLUMNS);
        List<TabularRow> gbk = readAll(ORG_CSV.getBytes(Charset.forName("GBK")), ORG_COLUMNS);

        assertThat(utf8).hasSize(3);
        assertThat(utf8.get(1).cell("name")).isEqualTo("西宁市总工会");
        assertThat(utf8.get(2).cell("parent_code")).isEqualTo("QH-XN");
        assertThat(utf8WithBom).isEqualTo(utf8);
        assertThat(gbk).isEqualTo(utf8);
    }

    @Test
    void quotedCellsKeepCommasLineBreaksAndDoubledQuotes() {
        String csv = "code,name,type,parent_code\r\n"
                + "QH-XN,\"西宁市总工会, 城东\",CITY,QH\r\n"
                + "QH-XN-CD,\"城东区\r\n总工会\",\"say \"\"hi\"\"\",QH-XN\r\n"
                + "QH-XN-CZ,  \"  padded quoted  \"  ,  COUNTY  ,QH-XN\r\n";

        List<TabularRow> rows = readAll(utf8(csv), ORG_COLUMNS);

        assertThat(rows).extracting(row -> row.cell("name"))
                .containsExactly("西宁市总工会, 城东", "城东区\r\n总工会", "padded quoted");
        assertThat(rows.get(1).cell("type")).isEqualTo("say \"hi\"");
        assertThat(rows.get(2).cell("type")).isEqualTo("COUNTY");
        // the record with a line break inside quotes is still one spreadsheet row
        assertThat(rows).extracting(TabularRow::rowNumber).containsExactly(2L, 3L, 4L);
    }

    @Test
    void blankLinesAreSkippedButStillCounted() {
        String csv = "\n \ncode,name,type,parent_code\nQH,青海省总工会,PROVINCE,\n\n,,,\nQH-XN,西宁市总工会,CITY,QH\n\n";

        List<TabularRow> rows = readAll(utf8(csv), ORG_COLUMNS);

        assertThat(rows).extracting(TabularRow::rowNumber).containsExactly(4L, 7L);
        assertThat(rows.get(1).cell("code")).isEqualTo("QH-XN");
    }

    @Test
    void headerMatchesIgnoringCaseSpacesOrderAndUnknownColumns() {
        String csv = " Parent_Code ,remark,NAME,Type,CODE\nQH,备注,西宁市总工会,CITY,QH-XN\n";

        TabularRow row = readAll(utf8(csv), ORG_COLUMNS).get(0);

        assertThat(row.cells()).containsExactlyInAnyOrderEntriesOf(
                Map.of("code", "QH-XN", "name", "西宁市总工会", "type", "CITY", "parent_code", "QH"));
    }

    @Test
    void shortRowsReadAsEmptyCells() {
        TabularRow row = readAll(utf8("code,name,type,parent_code\nQH,青海省总工会\n"), ORG_COLUMNS).get(0);

        assertThat(row.cell("type")).isEmpty();
        assertThat(row.cell("parent_code")).isEmpty();
        assertThatThrownBy(() -> row.cell("phone")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingHeaderColumnsAreAllNamed() {
        byte[] csv = utf8("code,title\nQH,青海省总工会\n");

        assertThatThrownBy(() -> readAll(csv, ORG_COLUMNS))
                .isInstanceOfSatisfying(TabularFormatException.class, e -> assertThat(e.problems())
                        .extracting(Problem::row, Problem::column)
                        .containsExactly(tuple(1L, "name"), tuple(1L, "type"), tuple(1L, "parent_code")))
                .hasMessageContaining("row 1, column name: required column is missing");
    }

    @Test
    void aliasesAcceptChineseHeaders() {
        byte[] csv = utf8("工号,姓名,单位编码,手机号\nW001,张三,QH-XN,13800138000\n");
        Map<String, List<String>> aliases = Map.of("external_id", List.of("工号"), "name", List.of("姓名"),
                "org_code", List.of("单位编码"), "phone", List.of("手机号", "手机"));

        try (TabularReader reader = TabularReader.open(new ByteArrayInputStream(csv), TabularFormat.CSV,
                List.of("external_id", "name", "org_code", "phone"), aliases, TabularLimits.DEFAULTS)) {
            TabularRow row = reader.next();
            assertThat(row.cell("name")).isEqualTo("张三");
            assertThat(row.cell("phone")).isEqualTo("13800138000");
        }
    }

    @Test
    void duplicatedHeaderColumnIsRejected() {
        byte[] csv = utf8("code,name,type,parent_code,Name\nQH,a,PROVINCE,,b\n");

        assertThatThrownBy(() -> readAll(csv, ORG_COLUMNS))
                .isInstanceOf(TabularFormatException.class)
                .hasMessage("row 1, column name: column appears 2 times in the header");
    }

    @Test
    void unterminatedQuoteReportsTheRowWhereItStarted() {
        byte[] csv = utf8("code,name,type,parent_code\nQH,青海省总工会,PROVINCE,\nQH-XN,\"西宁市总工会,CITY,QH\nQH-HD,海东市总工会,CITY,QH\n");

        assertThatThrownBy(() -> readAll(csv, ORG_COLUMNS))
                .isInstanceOfSatisfying(TabularFormatException.class,
                        e -> assertThat(e.problems()).singleElement().extracting(Problem::row).isEqualTo(3L))
                .hasMessageContaining("closing \" is missing");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> readAll(utf8("\n\n"), ORG_COLUMNS))
                .isInstanceOf(TabularFormatException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void xlsxContentDeclaredAsCsvIsRejected() {
        byte[] zipHead = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00};

        assertThatThrownBy(() -> readAll(zipHead, ORG_COLUMNS))
                .isInstanceOf(TabularFormatException.class)
                .hasMessageContaining("xlsx workbook, not a CSV");
    }

    @Test
    void seedFileOfQinghaiUnionsReads() throws IOException {
        List<TabularRow> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/seed/qinghai-unions.csv");
             TabularReader reader = TabularReader.open(in, TabularFormat.CSV, ORG_COLUMNS)) {
            reader.forEachRemaining(rows::add);
        }

        assertThat(rows).hasSize(53);
        assertThat(rows.get(0)).isEqualTo(new TabularRow(2, Map.of(
                "code", "QH", "name", "青海省总工会", "type", "PROVINCE", "parent_code", "")));
        assertThat(rows).allSatisfy(row -> assertThat(row.cell("code")).startsWith("QH"));
    }

    static List<TabularRow> readAll(byte[] content, List<String> columns) {
        List<TabularRow> rows = new ArrayList<>();
        try (TabularReader reader = TabularReader.open(new ByteArrayInputStream(content), TabularFormat.CSV, columns)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = new byte[first.length + second.length];
        System.arraycopy(first, 0, result, 0, first.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }
}
