package cn.qhzgh.study.common.tabular;

import cn.qhzgh.study.common.TextEncodings;

import java.io.IOException;
import java.io.InputStream;

/** Tells UTF-8 CSV from the GBK CSV that Chinese Excel writes, by {@link TextEncodings} on the first bytes. */
final class CsvCharsets {

    static final int SAMPLE_BYTES = 64 * 1024;

    private CsvCharsets() {
    }

    /**
     * The text of the CSV, after any BOM.
     *
     * @param in a stream supporting mark/reset with at least {@link #SAMPLE_BYTES} of read-ahead
     */
    static CsvText open(InputStream in, TabularLimits limits) throws IOException {
        in.mark(SAMPLE_BYTES);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        // never "complete": a character cut at the sample's end is not held against UTF-8, even in a short file
        TextEncodings.Detected detected = TextEncodings.detect(sample, sample.length, false);
        in.skipNBytes(detected.bomBytes());
        return new CsvText(in, detected.charset(), limits);
    }
}
