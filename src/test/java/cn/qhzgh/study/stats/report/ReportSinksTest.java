package cn.qhzgh.study.stats.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportSinksTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** A fixed buffer's worth: 16 Ki chars of up to 3 UTF-8 bytes, plus the encoder's bytes, with room to spare. */
    private static final int HELD_LIMIT = 128 * 1024;

    @Test
    void csvStartsWithTheByteOrderMarkThenHeaderAndRowsWithCrlf() {
        byte[] csv = csv(List.of("姓名", "单位"), List.of("张三", "青海省西宁市总工会"), List.of("李四", "QH-HD"));

        assertThat(Arrays.copyOf(csv, 3)).isEqualTo(UTF8_BOM);
        assertThat(textAfterBom(csv)).isEqualTo("姓名,单位\r\n张三,青海省西宁市总工会\r\n李四,QH-HD\r\n");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaksAsRfc4180Says() {
        byte[] csv = csv(List.of("a", "b", "c", "d", "e"),
                List.of("1,2", "说\"好\"", "第一行\n第二行", "cr\rx", " plain "));

        assertThat(textAfterBom(csv)).endsWith("\"1,2\",\"说\"\"好\"\"\",\"第一行\n第二行\",\"cr\rx\", plain \r\n");
    }

    @Test
    void csvWritesTypedCellsPlainly() {
        Instant completed = Instant.parse("2026-11-24T01:02:03Z");
        byte[] csv = csv(List.of("time", "day", "phone", "rate", "tiny", "big", "decimal", "done", "not", "none"),
                Arrays.asList(completed, LocalDate.of(2026, 11, 24), 13800138000L, 0.85d, 1e-7d, 1e20d,
                        new BigDecimal("12.50"), true, false, null));

        assertThat(textAfterBom(csv)).endsWith(
                "2026-11-24 09:02:03,2026-11-24,13800138000,0.85,0.0000001,100000000000000000000,12.50,是,否,\r\n");
    }

    @Test
    void csvNeutralisesTextThatCouldRunAsAFormulaButNotNumbers() {
        byte[] csv = csv(List.of("=cmd|' /C calc'!A0", "score"),
                List.of("=SUM(A1)", -5), List.of("+86 138", -1.5d), List.of("-1", 0),
                List.of("@cmd", 1), List.of("\tx", 2), List.of("\rx", 3), List.of("1-2", 4));

        assertThat(textAfterBom(csv)).isEqualTo("'=cmd|' /C calc'!A0,score\r\n"
                + "'=SUM(A1),-5\r\n'+86 138,-1.5\r\n'-1,0\r\n'@cmd,1\r\n'\tx,2\r\n\"'\rx\",3\r\n1-2,4\r\n");
    }

    @Test
    void csvStreamsRowsInsteadOfHoldingThem() {
        CountingOutputStream out = new CountingOutputStream();
        long produced = UTF8_BOM.length;
        int mostHeld = 0;
        try (ReportSink sink = ReportSinks.open(ReportFormat.CSV, out, "workers", SHANGHAI)) {
            sink.header(List.of("工号", "姓名", "得分"));
            produced += "工号,姓名,得分\r\n".getBytes(StandardCharsets.UTF_8).length;
            for (int i = 0; i < 200_000; i++) {
                String id = String.format("W%07d", i);
                sink.row(List.of(id, "职工" + id, (long) i));
                produced += (id + ",职工" + id + "," + i + "\r\n").getBytes(StandardCharsets.UTF_8).length;
                mostHeld = (int) Math.max(mostHeld, produced - out.count);
            }
        }

        assertThat(out.count).isEqualTo(produced);
        assertThat(mostHeld).as("bytes held back by the sink").isLessThan(HELD_LIMIT);
        assertThat(produced).as("report size").isGreaterThan(40L * HELD_LIMIT);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void closeFlushesButLeavesTheCallersStreamOpen(ReportFormat format) {
        CountingOutputStream out = new CountingOutputStream();
        ReportSink sink = ReportSinks.open(format, out, "workers", SHANGHAI);
        sink.header(List.of("姓名"));
        sink.row(List.of("张三"));

        sink.close();
        long written = out.count;
        sink.close();

        assertThat(out.closed).isFalse();
        assertThat(out.flushed).isTrue();
        assertThat(written).isPositive().isEqualTo(out.count);
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void refusesCallsOutOfOrderAndRowsThatDoNotFitTheHeader(ReportFormat format) {
        ReportSink sink = ReportSinks.open(format, new ByteArrayOutputStream(), "workers", SHANGHAI);
        assertThatThrownBy(() -> sink.row(List.of("张三"))).isInstanceOf(IllegalStateException.class);

        sink.header(List.of("姓名", "得分"));

        assertThatThrownBy(() -> sink.header(List.of("姓名"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sink.row(List.of("张三"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row has 1 cells but the header has 2 columns");
        assertThatThrownBy(() -> sink.row(List.of("张三", LocalDateTime.now())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.time.LocalDateTime");
        assertThatThrownBy(() -> sink.row(List.of("张三", Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        sink.close();
        assertThatThrownBy(() -> sink.row(List.of("张三", 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesABlankSheetName() {
        assertThatThrownBy(() -> ReportSinks.open(ReportFormat.CSV, new ByteArrayOutputStream(), " ", SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SafeVarargs
    private static byte[] csv(List<String> header, List<Object>... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportSink sink = ReportSinks.open(ReportFormat.CSV, out, "workers", SHANGHAI)) {
            sink.header(header);
            for (List<Object> row : rows) {
                sink.row(row);
            }
        }
        return out.toByteArray();
    }

    private static String textAfterBom(byte[] csv) {
        return new String(csv, UTF8_BOM.length, csv.length - UTF8_BOM.length, StandardCharsets.UTF_8);
    }

    /** Counts the bytes that have left the sink, and remembers whether it flushed or closed the stream. */
    static final class CountingOutputStream extends OutputStream {
        long count;
        boolean flushed;
        boolean closed;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
