package cn.qhzgh.study.common.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Tells UTF-8 CSV from the GBK CSV that Chinese Excel writes. */
final class CsvCharsets {

    /** GB18030 decodes every GBK byte sequence identically and also covers rare name characters. */
    static final Charset GBK_FAMILY = Charset.forName("GB18030");

    static final int SAMPLE_BYTES = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvCharsets() {
    }

    /**
     * Detects the charset and positions the stream after any BOM.
     *
     * @param in a stream supporting mark/reset with at least {@link #SAMPLE_BYTES} of read-ahead
     */
    static Charset detectAndSkipBom(InputStream in) throws IOException {
        in.mark(SAMPLE_BYTES);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        if (startsWithBom(sample)) {
            in.skipNBytes(UTF8_BOM.length);
            return StandardCharsets.UTF_8;
        }
        return isStrictUtf8(sample) ? StandardCharsets.UTF_8 : GBK_FAMILY;
    }

    static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWithBom(byte[] sample) {
        return sample.length >= UTF8_BOM.length
                && sample[0] == UTF8_BOM[0] && sample[1] == UTF8_BOM[1] && sample[2] == UTF8_BOM[2];
    }

    private static boolean isStrictUtf8(byte[] sample) {
        // endOfInput=false: the sample cut may split a multi-byte character, which then stays unread, not malformed
        CharBuffer out = CharBuffer.allocate(sample.length);
        return !strictDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(sample), out, false).isError();
    }
}
