package cn.qhzgh.study.common.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TabularReaderStreamingTest {

    private static final int DATA_ROWS = 200_000;

    @Test
    void readsAHugeCsvWithoutBufferingIt() {
        GeneratedWorkerCsv generator = new GeneratedWorkerCsv(DATA_ROWS);
        long count = 0;
        long lastRowNumber = 0;
        try (TabularReader reader = TabularReader.open(generator, TabularFormat.CSV,
                List.of("external_id", "name", "org_code", "phone"))) {
            TabularRow first = reader.next();
            assertThat(first.cell("name")).isEqualTo("职工1");
            assertThat(generator.bytesServed).as("bytes pulled to return the first row").isLessThan(256 * 1024);
            count++;
            while (reader.hasNext()) {
                lastRowNumber = reader.next().rowNumber();
                count++;
            }
        }

        assertThat(count).isEqualTo(DATA_ROWS);
        assertThat(lastRowNumber).isEqualTo(DATA_ROWS + 1);
        assertThat(generator.bytesServed).isGreaterThan(5_000_000L);
    }

    /** Produces the worker CSV row by row, never holding more than one row. */
    private static final class GeneratedWorkerCsv extends InputStream {
        private final int rows;
        private int nextRow;
        private byte[] current = "external_id,name,org_code,phone\n".getBytes(StandardCharsets.UTF_8);
        private int position;
        long bytesServed;

        GeneratedWorkerCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (position == current.length && !advance()) {
                return -1;
            }
            bytesServed++;
            return current[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == current.length && !advance()) {
                return -1;
            }
            int served = Math.min(length, current.length - position);
            System.arraycopy(current, position, target, offset, served);
            position += served;
            bytesServed += served;
            return served;
        }

        private boolean advance() {
            if (nextRow == rows) {
                return false;
            }
            nextRow++;
            String row = "W" + nextRow + ",职工" + nextRow + ",QH-XN-CD," + (13_800_000_000L + nextRow) + "\n";
            current = row.getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }
    }
}
