package cn.qhzgh.study.quiz.bank;

import cn.qhzgh.study.common.TextEncodings;

import java.nio.charset.CharacterCodingException;
import java.util.List;

/** Decodes the text formats (JSON, GIFT, Aiken): UTF-8 with or without BOM, or the GBK that Chinese Windows writes. */
final class BankText {

    private BankText() {
    }

    /** The lines of the file, without line terminators (LF, CRLF or CR); line {@code n} is at index {@code n - 1}. */
    static List<String> lines(byte[] content) {
        return List.of(decode(content).split("\r\n|\r|\n", -1));
    }

    static String decode(byte[] content) {
        try {
            return TextEncodings.decode(content);
        } catch (CharacterCodingException neither) {
            // The row checks then name what the damaged characters broke.
            return new String(content, TextEncodings.GB18030);
        }
    }
}
