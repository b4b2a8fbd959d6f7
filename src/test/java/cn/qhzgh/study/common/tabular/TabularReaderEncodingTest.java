package cn.qhzgh.study.common.tabular;

import static cn.qhzgh.study.common.tabular.TabularReaderCsvTest.ORG_COLUMNS;
import static cn.qhzgh.study.common.tabular.TabularReaderCsvTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TabularReaderEncodingTest {

    private static final String HEADER = "code,name,type,parent_code\n";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void utf8CharacterCutByTheSniffingSampleIsStillUtf8(int bytesOfCharacterInsideSample) {
        String filler = "QH-PAD," + "x".repeat(30_000) + ",PROVINCE,\n"; // rows, as no cell may pass 32,767 characters
        String prefix = HEADER + filler + filler + "QH-CUT,";
        int padding = CsvCharsets.SAMPLE_BYTES - bytesOfCharacterInsideSample - prefix.length();
        String name = "x".repeat(padding) + "青海省总工会";
        String csv = prefix + name + ",PROVINCE,\n";

        List<TabularRow> rows = readAll(csv.getBytes(StandardCharsets.UTF_8), ORG_COLUMNS);

        assertThat(rows).hasSize(3).last().satisfies(row -> assertThat(row.cell("name")).isEqualTo(name));
    }

    @Test
    void gbkWhoseChineseStartsLateIsStillDetected() {
        String csv = HEADER + "QH,青海省总工会,PROVINCE,\n" + "QH-X,x,CITY,QH\n".repeat(10_000) + "QH-Y,玉树州总工会,CITY,QH\n";

        List<TabularRow> rows = readAll(csv.getBytes(Charset.forName("GBK")), ORG_COLUMNS);

        assertThat(rows).hasSize(10_002);
        assertThat(rows.get(10_001).cell("name")).isEqualTo("玉树州总工会");
    }

    @Test
    void invalidUtf8AfterTheSampleIsReportedAtItsRow() {
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        csv.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        for (int row = 2; row < 5000; row++) {
            csv.writeBytes(("QH-" + row + ",西宁市总工会,CITY,QH\n").getBytes(StandardCharsets.UTF_8));
        }
        csv.writeBytes(new byte[] {'Q', 'H', ',', (byte) 0xFF, ',', 'C', '\n'});
        List<TabularRow> rowsBeforeFailure = new ArrayList<>();

        assertThatThrownBy(() -> {
            try (TabularReader reader = TabularReader.open(
                    new ByteArrayInputStream(csv.toByteArray()), TabularFormat.CSV, ORG_COLUMNS)) {
                reader.forEachRemaining(rowsBeforeFailure::add);
            }
        }).isInstanceOf(TabularFormatException.class).hasMessageStartingWith("row 5000: ");
        assertThat(rowsBeforeFailure).hasSize(4998);
    }
}
