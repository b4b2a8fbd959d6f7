package cn.qhzgh.study.quiz.bank;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Decodes the text formats (JSON, GIFT, Aiken): UTF-8 with or without BOM, or the GBK that Chinese Windows writes. */
final class BankText {

    /** GB18030 decodes every GBK byte sequence identically and covers rarer characters too. */
    private static final Charset GBK_FAMILY = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private BankText() {
    }

    /** The lines of the file, without line terminators (LF, CRLF or CR); line {@code n} is at index {@code n - 1}. */
    static List<String> lines(byte[] content) {
        return List.of(decode(content).split("\r\n|\r|\n", -1));
    }

    static String decode(byte[] content) {
        if (content.length >= UTF8_BOM.length && Arrays.equals(content, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
            return new String(content, UTF8_BOM.length, content.length - UTF8_BOM.length, StandardCharsets.UTF_8);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, GBK_FAMILY);
        }
    }
}
